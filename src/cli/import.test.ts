import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fakeUscc } from '../lib/server/testing/factories';

const dir = mkdtempSync(join(tmpdir(), 'chengxin-cli-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'cli.db'), SEED_DEMO: '0' };

function cli(...args: string[]): { code: number; out: string } {
	try {
		return {
			code: 0,
			out: execFileSync(process.execPath, ['scripts/cli.js', ...args], { env, encoding: 'utf8' })
		};
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, out: err.stdout + err.stderr };
	}
}

describe('npm run cli -- import commitments', () => {
	it('prints the preview summary, writes the good rows, and changes nothing the second time', () => {
		const file = join(dir, '承诺.csv');
		const text = [
			'企业名称,统一社会信用代码,所属街镇,承诺类型,公示日期,公示渠道,公示链接',
			`上海云间食品有限公司,${fakeUscc(880_001)},佘山镇,诚信经营承诺,2025/6/1,信用松江网站,`,
			`上海茸城物流有限公司,${fakeUscc(880_002)},泗泾镇,告知承诺,2025年7月2日,现场公示,`,
			`上海坏代码有限公司,91310117MA1J3BIX4A,佘山镇,诚信经营承诺,2025-06-01,其他,`
		].join('\r\n');
		writeFileSync(file, iconv.encode(text, 'gbk'));

		const dry = cli('import', 'commitments', file, '--year', '2025', '--dry-run');
		expect(dry.code).toBe(3);
		expect(dry.out).toContain('共 3 行：2 行可以导入，1 行有问题');
		expect(dry.out).toContain('第 4 行：统一社会信用代码第 15 位「I」');
		expect(dry.out).toContain('只检查，未写入');

		const first = cli('import', 'commitments', file, '--year', '2025');
		expect(first.out).toContain('新增 2 条信用承诺');
		const second = cli('import', 'commitments', file, '--year', '2025');
		expect(second.out).toContain('新增 0 条信用承诺，2 条已存在');

		expect(cli('import', 'commitments', file).out).toContain('--year');
	}, 60_000);
});
