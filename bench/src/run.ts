// Benchmark entry point: `npm run bench -- <name>` runs bench/src/benchmarks/<name>.ts and prints
// its result as one JSON line (figure, baseline measured in the same run, ratio).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchmarkModule } from './benchmark';

async function main(): Promise<void> {
  const name = process.argv[2];
  const available = readdirSync(path.join(__dirname, 'benchmarks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.replace(/\.js$/, ''));
  if (!name || !available.includes(name)) {
    console.error(`bench: ${name ? `no benchmark named '${name}'` : 'no benchmark named'}; choose one of: ${available.join(', ')} (npm run bench -- <name>)`);
    process.exit(2);
  }
  const mod = (await import(path.join(__dirname, 'benchmarks', `${name}.js`))) as BenchmarkModule;
  const result = await mod.run(process.argv.slice(3));
  process.stdout.write(`${JSON.stringify({ benchmark: name, ...result })}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
