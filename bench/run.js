/**
 * `npm run bench`: starts the production build on scratch databases and prints every case as a
 * ratio against the trivial page (/ping) of the same server, measured in the same run.
 * Builds nothing itself: run `npm run build` first.
 */
import { cases } from './cases.js';

const only = process.argv.slice(2);
// A name picks one case; a group name (`drills`) picks all of its cases.
const selected = only.length
	? cases.filter((c) => only.includes(c.name) || (c.group && only.includes(c.group)))
	: cases;
const rows = [];
let failed = false;

for (const c of selected) {
	console.log(`\n== ${c.name}：${c.title}`);
	try {
		const out = await c.run();
		for (const r of out) {
			rows.push({ case: c.name, ...r });
			const mark = r.pass === undefined ? '' : r.pass ? '  ✓ 达标' : '  ✗ 未达标';
			console.log(`  ${r.label}：${r.value}${r.target ? `（目标 ${r.target}）` : ''}${mark}`);
			if (r.pass === false) failed = true;
		}
	} catch (e) {
		failed = true;
		console.error(`  出错：${e instanceof Error ? e.stack : e}`);
	}
}

console.log('\n汇总');
console.table(
	rows.map((r) => ({
		用例: r.case,
		指标: r.label,
		结果: r.value,
		目标: r.target ?? '',
		达标: r.pass === undefined ? '' : r.pass ? '是' : '否'
	}))
);
process.exit(failed ? 1 : 0);
