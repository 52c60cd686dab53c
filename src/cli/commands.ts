import type { ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { databasePath } from '../lib/server/db';
import { backup, countRows, integrity } from '../lib/server/db/raw';
import * as users from '../lib/server/users';
import * as towns from '../lib/server/towns';
import * as events from '../lib/server/events';
import * as badges from '../lib/server/badges';
import { merchants, supervision } from '../lib/server/streets';
import * as streets from '../lib/server/streets';
import { imports } from '../lib/server/files';
import { checkPasswordStrength } from '../lib/server/auth';
import { SYSTEM } from '../lib/server/actor';
import { ROLES, type Role } from '../lib/roles';
import { benchStreets } from '../lib/server/testing/factories';
import * as campaign from '../lib/server/campaign';
import * as plan from '../lib/server/plan';
import * as youth from '../lib/server/youth';
import { importer } from '../lib/server/campaign';
import { bulkStreets, generateScale } from '../../seeds/bulk';

export type Command = {
	name: string[];
	usage: string;
	help: string;
	options?: ParseArgsConfig['options'];
	run(args: {
		values: Record<string, string | boolean | (string | boolean)[] | undefined>;
		positionals: string[];
	}): Promise<number | void> | number | void;
};

function str(v: unknown): string | undefined {
	return typeof v === 'string' ? v : undefined;
}

function yearOption(v: unknown): number {
	const year = Number(str(v));
	if (!Number.isInteger(year) || year < 2000 || year > 2100)
		throw new Error('请用 --year 给出年度，如 --year 2026');
	return year;
}

/** Runs one import on a file: the same checks, summary and commit as the web import. */
async function importFile<Ctx, Row>(
	spec: imports.Spec<Ctx, Row>,
	ctx: Ctx,
	path: string | undefined,
	opts: { dryRun: boolean; dryRunNote?: string; allOrNothing?: boolean }
) {
	if (!path) throw new Error('请给出要导入的文件路径');
	return imports.runFile(spec, ctx, path, new Uint8Array(await readFile(path)), opts);
}

/** `import commitments|reports FILE --year YYYY [--dry-run]`. */
function importCommand<Row>(
	kind: 'commitments' | 'reports',
	spec: imports.Spec<importer.ImportContext, Row>
): Command {
	return {
		name: ['import', kind],
		usage: `import ${kind} FILE --year YYYY [--dry-run]`,
		help: `从 CSV（UTF-8 / GBK）或 .xlsx 导入${spec.noun}，列与网页导入模板相同；--dry-run 只检查不写入。`,
		options: { year: { type: 'string' }, 'dry-run': { type: 'boolean' } },
		run: ({ values, positionals }) =>
			importFile(
				spec,
				{ actor: SYSTEM, scope: null, year: yearOption(values.year) },
				positionals[0],
				{ dryRun: values['dry-run'] === true }
			)
	};
}

export const commands: Command[] = [
	importCommand('commitments', importer.commitments),
	importCommand('reports', importer.reports),
	{
		name: ['campaign', 'generate'],
		usage: 'campaign generate [--enterprises 200000] [--commitments 50000] [--year YYYY]',
		help: '生成设计规模的测试数据（用于性能测试），追加到当前数据库。',
		options: {
			enterprises: { type: 'string' },
			commitments: { type: 'string' },
			year: { type: 'string' }
		},
		run({ values }) {
			const started = Date.now();
			const result = generateScale({
				enterprises: Number(str(values.enterprises) ?? 200_000),
				commitments: Number(str(values.commitments) ?? 50_000),
				year: values.year ? yearOption(values.year) : campaign.currentYear()
			});
			console.log(
				`已生成企业 ${result.enterprises} 家、信用承诺 ${result.commitments} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`
			);
		}
	},
	{
		name: ['user', 'add'],
		usage:
			'user add --username U --password P --role ROLE [--town SLUG]... [--department 部门] [--merchant ID]... [--name 姓名]',
		help: `创建用户。ROLE 为 ${ROLES.join(' / ')}；街镇用拼音标识，如 --town sheshan；区级部门工作人员用 --department 给出部门名称；商户账号用 --merchant 给出所关联商户的编号（可多次）。`,
		options: {
			username: { type: 'string' },
			password: { type: 'string' },
			role: { type: 'string' },
			town: { type: 'string', multiple: true },
			department: { type: 'string' },
			merchant: { type: 'string', multiple: true },
			name: { type: 'string' }
		},
		async run({ values }) {
			const username = str(values.username);
			const password = str(values.password);
			const role = str(values.role) as Role | undefined;
			if (!username || !password || !role) throw new Error('需要 --username、--password 和 --role');
			if (!ROLES.includes(role)) throw new Error(`未知角色 ${role}，应为 ${ROLES.join(' / ')}`);
			const weak = checkPasswordStrength(password, username);
			if (weak) throw new Error(weak);
			const slugs = (values.town as string[] | undefined) ?? [];
			const townIds = slugs.map((s) => {
				const t = towns.bySlug(s);
				if (!t)
					throw new Error(
						`未知街镇 ${s}，可用：${towns
							.list()
							.map((x) => x.slug)
							.join(', ')}`
					);
				return t.id;
			});
			const deptName = str(values.department);
			const department = deptName ? plan.departments.byName(deptName) : undefined;
			if (deptName && !department)
				throw new Error(
					`未知部门 ${deptName}，可用：${plan.departments
						.list()
						.map((d) => d.name)
						.join('、')}`
				);
			const merchantIds = ((values.merchant as string[] | undefined) ?? []).map((raw) => {
				const m = merchants.byId(Number(raw));
				if (!m) throw new Error(`未知商户编号 ${raw}`);
				return m.id;
			});
			if (role === 'merchant' && !merchantIds.length)
				throw new Error('商户账号需要至少一个 --merchant 商户编号');
			const u = await users.create(SYSTEM, {
				username,
				displayName: str(values.name) ?? username,
				password,
				role,
				townIds,
				departmentId: department?.id ?? null,
				merchantIds
			});
			const scope = role === 'merchant' ? merchantIds.map((id) => `商户 ${id}`) : slugs;
			console.log(
				`已创建用户 ${u.username}（${role}${scope.length ? '，' + scope.join('、') : ''}）`
			);
		}
	},
	{
		name: ['events', 'import'],
		usage: 'events import FILE [--commit]',
		help: '从 CSV 或 Excel 导入宣传教育活动（可导入任何街镇）。不加 --commit 只校验并列出有问题的行；同一街镇同一天同名的活动不会重复写入。',
		options: { commit: { type: 'boolean' } },
		run: ({ values, positionals }) =>
			importFile(events.importSpec, { actor: SYSTEM }, positionals[0], {
				dryRun: values.commit !== true,
				dryRunNote: '尚未写入。确认无误后加 --commit 导入可以导入的行。'
			})
	},
	{
		name: ['backup'],
		usage: 'backup FILE',
		help: '在线备份数据库到 FILE（服务运行时也可以执行）。',
		async run({ positionals }) {
			const target = positionals[0];
			if (!target) throw new Error('请给出备份文件路径');
			await backup(target);
			const check = integrity(target);
			console.log(`已将 ${databasePath()} 备份到 ${target}，副本完整性检查：${check}`);
			return check === 'ok' ? 0 : 1;
		}
	},
	{
		name: ['db', 'check'],
		usage: 'db check [FILE] [--json]',
		help: '检查数据库（默认为 DATABASE_URL，或给出的备份文件）：PRAGMA integrity_check 与各主要表的行数。',
		options: { json: { type: 'boolean' } },
		run({ positionals, values }) {
			const file = positionals[0];
			const result = { integrity: integrity(file), counts: countRows(file) };
			if (values.json) console.log(JSON.stringify(result));
			else {
				console.log(`完整性检查：${result.integrity}`);
				for (const [t, n] of Object.entries(result.counts)) console.log(`  ${t}：${n}`);
			}
			return result.integrity === 'ok' ? 0 : 1;
		}
	},
	{
		name: ['badges', 'qr'],
		usage: 'badges qr SERIAL [--out FILE.png|FILE.svg]',
		help: '打印牌匾的扫码地址（使用 ORIGIN），并可把二维码保存为 PNG 或 SVG 文件。',
		options: { out: { type: 'string' } },
		async run({ positionals, values }) {
			const serial = positionals[0];
			if (!serial) throw new Error('请给出牌匾编号，如 SJ-2026-000001');
			const b = badges.bySerial(serial);
			if (!b) throw new Error(`没有编号为 ${serial} 的牌匾`);
			const code = await badges.ensureCode(b);
			console.log(code.url);
			const out = str(values.out);
			if (out) {
				writeFileSync(out, out.endsWith('.svg') ? code.qrSvg : code.qrPng);
				console.log(`二维码已保存到 ${out}`);
			}
		}
	},
	{
		name: ['merchants', 'import'],
		usage: 'merchants import --street ID FILE.csv|FILE.xlsx [--dry-run]',
		help: '把一个示范街的商户从 CSV / Excel 导入（列同导入模板）；有问题的行列出原因，不写入。',
		options: { street: { type: 'string' }, 'dry-run': { type: 'boolean' } },
		run({ values, positionals }) {
			const streetId = Number(str(values.street));
			const file = positionals[0];
			if (!streetId || !file) throw new Error('需要 --street 示范街编号 和文件路径');
			const street = streets.byId(streetId);
			if (!street) throw new Error(`示范街 ${streetId} 不存在`);
			console.log(`${street.name}：`);
			return importFile(merchants.importSpec, { actor: SYSTEM, street }, file, {
				dryRun: values['dry-run'] === true
			});
		}
	},
	{
		name: ['schools', 'import'],
		usage: 'schools import FILE.csv|FILE.xlsx [--dry-run]',
		help: '从 CSV / Excel 导入学校名录（列：学校名称、学段、所属街镇、地址、纬度、经度）；同名学校更新，任何一行有问题则全部不写入。',
		options: { 'dry-run': { type: 'boolean' } },
		run({ values, positionals }) {
			return importFile(youth.schoolImportSpec, { actor: SYSTEM }, positionals[0], {
				dryRun: values['dry-run'] === true,
				allOrNothing: true
			});
		}
	},
	{
		name: ['badges', 'expire'],
		usage: 'badges expire',
		help: '把已过有效期的牌匾标记为已过期（服务器每小时也会自动执行）。',
		run() {
			console.log(`已过期牌匾：${supervision.expireDue()} 块`);
		}
	},
	{
		name: ['demo', 'streets'],
		usage: 'demo streets [--streets N] [--per-street N] [--seed N] [--suffix 后缀]',
		help: '写入演示用的诚信示范街和商户（含等级、标识和公开档案），供演示、压测和测试使用。--streets 给出时按各街镇生成 N 条街。',
		options: {
			streets: { type: 'string' },
			'per-street': { type: 'string' },
			seed: { type: 'string' },
			suffix: { type: 'string' }
		},
		run({ values }) {
			const count = str(values.streets);
			const perStreet = Number(str(values['per-street']) ?? 12);
			if (!Number.isInteger(perStreet) || perStreet < 0 || perStreet > 5000)
				throw new Error('--per-street 应为 0 到 5000 之间的整数');
			const n = count === undefined ? undefined : Number(count);
			if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 2000))
				throw new Error('--streets 应为 1 到 2000 之间的整数');
			const filled = bulkStreets({
				streets: n === undefined ? undefined : benchStreets(n),
				perStreet,
				seed: Number(str(values.seed) ?? 20260601),
				suffix: str(values.suffix)
			});
			console.log(
				`已写入示范街 ${filled.length} 条、商户 ${filled.reduce((a, s) => a + s.merchants, 0)} 家`
			);
			for (const s of filled) console.log(`street ${s.streetId}`);
		}
	}
];
