// Start the HTTP service on a free port, call it like any client would, and stop it.
//
//   npx tsx examples/http-client.ts
//
// From the shell the same service is `npx vietnlp serve --port 8080`, then e.g.
//   curl -s localhost:8080/entities -H 'content-type: application/json' -d '{"text":"Xã Quảng Hợp đạt 100% kế hoạch."}'
// In a project the service is imported from its own entry point: `import { startServer } from 'vietnlp/server'`.
// Bodies must be sent as application/json (415 otherwise); an "id" in the body is echoed in the answer.
import { startServer } from '../src/service/index.js';

const service = await startServer({ port: 0, host: '127.0.0.1' });
console.log(`service at ${service.url}`);
try {
  const health = (await (await fetch(`${service.url}/health`)).json()) as { status: string; version: string };
  console.log(`health: ${health.status} (vietnlp ${health.version})`);

  const text = 'Ngày 12-7, Huyện ủy Hương Khê tổ chức hội nghị. Đồng chí Trần Quốc Hưng, Bí thư Huyện ủy, chủ trì. Thu ngân sách đạt 96,8 tỷ đồng.';
  const post = async (route: string, body: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${service.url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  const entities = await post('entities', { text });
  console.log(`POST /entities → ${entities.status}`);
  for (const e of entities.body.result as { type: string; text: string }[]) console.log(`  ${e.type}\t${e.text}`);

  const summaries = await post('summarize', { texts: [text, 'Xã Hòa Hải chưa hoàn thành chỉ tiêu thu ngân sách.'], options: { sentences: 1 } });
  console.log(`POST /summarize (batch of 2) → ${summaries.status}`);
  for (const s of summaries.body.results as { text: string }[]) console.log(`  ${s.text}`);

  const tagged = await post('officials', { id: 'report-7', text });
  console.log(`POST /officials with an id → ${tagged.status}, id ${JSON.stringify(tagged.body.id)}`);

  const bad = await post('segment', { txt: text });
  console.log(`POST /segment with a typo → ${bad.status}: ${bad.body.error.message}`);

  const form = await fetch(`${service.url}/segment`, { method: 'POST', body: JSON.stringify({ text }) }); // text/plain
  console.log(`POST /segment without a JSON content type → ${form.status} ${((await form.json()) as { error: { code: string } }).error.code}`);
} finally {
  await service.close();
  console.log('service stopped');
}
