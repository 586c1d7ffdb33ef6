// STUB (foundation): worker-thread entry for analyzeMany / --jobs.
export default function run(): void {}
