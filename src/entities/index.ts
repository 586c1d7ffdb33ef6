import { assertText } from '../errors.js';
import type { Entity, Official } from '../types.js';

/** STUB (foundation). */
export function tagEntities(text: string): Entity[] {
  assertText(text, 'tagEntities');
  return [];
}

/** STUB (foundation). */
export function extractOfficials(text: string): Official[] {
  assertText(text, 'extractOfficials');
  return [];
}
