import type { TownKind } from '../src/lib/server/db/schema';

/** 街镇园区 of Songjiang: 6 subdistricts, 11 towns and 2 parks. Codes only where officially known. */
export const TOWNS: { slug: string; name: string; code: string | null; kind: TownKind }[] = [
	{ slug: 'yueyang', name: '岳阳街道', code: '310117001', kind: 'subdistrict' },
	{ slug: 'yongfeng', name: '永丰街道', code: '310117002', kind: 'subdistrict' },
	{ slug: 'fangsong', name: '方松街道', code: '310117003', kind: 'subdistrict' },
	{ slug: 'zhongshan', name: '中山街道', code: '310117004', kind: 'subdistrict' },
	{ slug: 'guangfulin', name: '广富林街道', code: '310117005', kind: 'subdistrict' },
	{ slug: 'jiuliting', name: '九里亭街道', code: '310117006', kind: 'subdistrict' },
	{ slug: 'sijing', name: '泗泾镇', code: '310117102', kind: 'town' },
	{ slug: 'sheshan', name: '佘山镇', code: '310117103', kind: 'town' },
	{ slug: 'chedun', name: '车墩镇', code: null, kind: 'town' },
	{ slug: 'xinqiao', name: '新桥镇', code: null, kind: 'town' },
	{ slug: 'dongjing', name: '洞泾镇', code: null, kind: 'town' },
	{ slug: 'jiuting', name: '九亭镇', code: null, kind: 'town' },
	{ slug: 'maogang', name: '泖港镇', code: null, kind: 'town' },
	{ slug: 'shihudang', name: '石湖荡镇', code: null, kind: 'town' },
	{ slug: 'xinbang', name: '新浜镇', code: null, kind: 'town' },
	{ slug: 'yexie', name: '叶榭镇', code: null, kind: 'town' },
	{ slug: 'xiaokunshan', name: '小昆山镇', code: null, kind: 'town' },
	{ slug: 'jingkaiqu', name: '松江经济技术开发区', code: null, kind: 'park' },
	{ slug: 'sheshan-dujiaqu', name: '佘山国家旅游度假区', code: null, kind: 'park' }
];
