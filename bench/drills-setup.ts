/**
 * `csv N FILE`: a commitments file of N good rows for the import drill — fresh enterprises, the
 * district's towns in turn — in the web import's columns.
 */
import { writeFileSync } from 'node:fs';
import * as towns from '../src/lib/server/towns';
import { fakeEnterprise } from '../src/lib/server/testing/factories';
import { COMMITMENT_COLUMNS } from '../src/lib/campaign';

const [n, file] = [Number(process.argv[2] ?? 10_000), process.argv[3]];
const list = towns.list();
const lines = [COMMITMENT_COLUMNS.join(',')];
for (let i = 0; i < n; i++) {
	const e = fakeEnterprise(5_000_000 + i);
	const day = String(1 + (i % 28)).padStart(2, '0');
	const town = list[i % list.length].name;
	lines.push(
		[e.name, e.uscc, town, '诚信经营承诺', `2026-03-${day}`, '信用松江网站', ''].join(',')
	);
}
writeFileSync(file, lines.join('\n') + '\n');
console.log(JSON.stringify({ rows: n }));
