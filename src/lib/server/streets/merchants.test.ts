import { describe, expect, it } from 'vitest';
import * as merchants from './merchants';
import * as streets from './streets';
import * as instruments from './instruments';
import * as towns from '../towns';
import { db } from '../db';
import { badge, merchant } from '../db/schema';
import { SYSTEM } from '../actor';
import { makeMerchant, makeStreet, merchantInput } from '../testing/factories';
import { seedStreetsDemo } from '../../../../seeds/streets';
import { withCheckCharacter } from '../../uscc';
import type { Sheet } from '../files/tabular';

function sheet(rows: Record<string, string>[]): Sheet {
	return {
		headers: Object.keys(rows[0] ?? {}),
		rows: rows.map((cells, i) => ({ line: i + 2, cells }))
	};
}

describe('merchants', () => {
	it('refuses a duplicate USCC with the name of the merchant that has it', () => {
		const s = makeStreet(SYSTEM, 'yueyang');
		const m = makeMerchant(SYSTEM, s.id, { name: '云间酱园' });
		expect(() => merchants.create(SYSTEM, merchantInput(s.id, { uscc: m.uscc }))).toThrow(
			'云间酱园'
		);
	});

	it('lists only the towns in scope', () => {
		const a = makeStreet(SYSTEM, 'yueyang');
		const b = makeStreet(SYSTEM, 'sheshan');
		const ma = makeMerchant(SYSTEM, a.id);
		const mb = makeMerchant(SYSTEM, b.id);
		const yueyang = towns.bySlug('yueyang')!.id;
		const ids = merchants.list([yueyang], { pageSize: 500 }).items.map((i) => i.id);
		expect(ids).toContain(ma.id);
		expect(ids).not.toContain(mb.id);
		expect(streets.list([yueyang]).map((s) => s.id)).not.toContain(b.id);
		expect(merchants.list([], {}).total).toBe(0);
	});

	it('imports a street’s merchants: bad rows with reasons, the same file twice changes nothing', () => {
		const s = makeStreet(SYSTEM, 'yueyang');
		const good1 = withCheckCharacter('92310117MA1X00001');
		const good2 = withCheckCharacter('91310117MA1X00002');
		const right = withCheckCharacter('91310117MA1X00003');
		const bad = right.slice(0, 17) + (right[17] === '0' ? '1' : '0');
		const rows = [
			{ 商户名称: '沈记水果店', 统一社会信用代码: good1, 经营地址: '中山中路 1 号', 类别: '食品' },
			{ 商户名称: '明亮眼镜店', 统一社会信用代码: good2, 经营地址: '中山中路 2 号', 类别: '零售' },
			{ 商户名称: '坏代码', 统一社会信用代码: bad, 经营地址: '3 号', 类别: '零售' },
			{ 商户名称: '重复', 统一社会信用代码: good1, 经营地址: '4 号', 类别: '零售' },
			{
				商户名称: '坏类别',
				统一社会信用代码: withCheckCharacter('91310117MA1X00005'),
				经营地址: '5 号',
				类别: '五金'
			}
		];
		const checked = merchants.checkImport(sheet(rows), s.id);
		expect(checked.good).toHaveLength(2);
		expect(checked.bad.map((b) => b.line)).toEqual([4, 5, 6]);
		expect(checked.bad[0].reason).toContain('校验位');
		expect(checked.bad[1].reason).toContain('第 2 行重复');
		expect(checked.bad[2].reason).toContain('五金');
		const first = merchants.commitImport(
			SYSTEM,
			s.id,
			checked.good.map((g) => g.value)
		);
		expect(first).toEqual({ added: 2, updated: 0, unchanged: 0 });
		const again = merchants.commitImport(
			SYSTEM,
			s.id,
			merchants.checkImport(sheet(rows), s.id).good.map((g) => g.value)
		);
		expect(again).toEqual({ added: 0, updated: 0, unchanged: 2 });
		const other = makeStreet(SYSTEM, 'yueyang');
		const moved = merchants.checkImport(sheet(rows.slice(0, 1)), other.id);
		expect(moved.bad[0].reason).toContain('其他街区');
	});

	it('flags overdue instruments per street', () => {
		const s = makeStreet(SYSTEM, 'yueyang');
		const m = makeMerchant(SYSTEM, s.id);
		instruments.create(SYSTEM, m.id, {
			type: 'price_scale',
			serial: 'A-1',
			lastVerifiedOn: '2024-01-01',
			nextDueOn: '2025-01-01',
			certificateNo: '',
			note: ''
		});
		expect(streets.overdueInstruments(s.id)).toHaveLength(1);
		expect(instruments.summary(m.id).overdue).toBe(1);
		expect(streets.list(null).find((x) => x.id === s.id)!.overdueInstruments).toBe(1);
	});

	it('the demo has merchants at every level and badge state', () => {
		seedStreetsDemo();
		const levels = new Set(
			db
				.select({ l: merchant.level })
				.from(merchant)
				.all()
				.map((r) => r.l)
		);
		expect([...levels].sort()).toEqual(['honest', 'model', 'none']);
		const states = new Set(
			db
				.select({ s: badge.state })
				.from(badge)
				.all()
				.map((r) => r.s)
		);
		expect([...states].sort()).toEqual(['downgraded', 'expired', 'revoked', 'suspended', 'valid']);
		const api = merchants.publicList({ level: 'model' });
		expect(api.total).toBeGreaterThan(0);
		expect(api.items[0].location).not.toBeNull();
		expect(JSON.stringify(api)).not.toContain('contactPhone');
	});
});
