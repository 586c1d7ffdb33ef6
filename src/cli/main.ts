#!/usr/bin/env node
// STUB (foundation): the command line lives here.
console.log('vietnlp CLI: not implemented yet');
