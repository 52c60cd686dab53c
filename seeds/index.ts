/**
 * What a first start writes. Reference data (towns, standards, theme lists) is always ensured and
 * never overwrites what users changed; demo data is written once, unless SEED_DEMO=0.
 */
import * as towns from '../src/lib/server/towns';
import { seedStreetsDemo, seedStreetsReference } from './streets';
import { seedBadgesDemo, seedBadgesReference } from './badges';
import { seedEventDemo, seedEventOptions } from './events';
import { seedCampaignDemo } from './campaign';
import { seedPortalDemo } from './portal';
import { seedCorrectionsDemo } from './corrections';
import { seedSchoolsDemo, seedYouthDemo } from './youth';
import { seedStoriesDemo } from './stories';
import { seedMetrologyDemo } from './metrology';
import { enterprises } from '../src/lib/server/campaign';
import { merchants } from '../src/lib/server/streets';
import { makeCommitment } from '../src/lib/server/testing/factories';
import * as campaign from '../src/lib/server/campaign';
import { SYSTEM } from '../src/lib/server/actor';
import * as plan from '../src/lib/server/plan';
import { seedPlanDemo } from './plan';
import { seedCreditTownsDemo } from './credit-towns';

export function seedReference() {
	towns.seed();
	plan.seedReference();
	seedStreetsReference();
	seedBadgesReference();
	seedEventOptions();
}

export async function seedDemo(): Promise<string[]> {
	const done: string[] = [];
	done.push(seedStreetsDemo());
	done.push(await seedBadgesDemo());
	done.push(`宣传教育活动 ${await seedEventDemo()} 场`);
	done.push(seedCampaignDemo());
	done.push(seedMerchantCommitments());
	done.push(seedPlanDemo());
	done.push(seedPortalDemo());
	done.push(seedCorrectionsDemo());
	done.push(`学校 ${seedSchoolsDemo()} 所，进校园活动 ${seedYouthDemo()} 场`);
	done.push(seedStoriesDemo());
	done.push(seedMetrologyDemo());
	done.push(await seedCreditTownsDemo());
	return done;
}

/** Rated demo merchants have published a credit commitment too, as the campaign asks of them. */
function seedMerchantCommitments(year = campaign.currentYear()): string {
	const rated = merchants
		.list(null, { pageSize: 1000 })
		.items.filter((m) => m.level !== 'none')
		.map((m) => merchants.byId(m.id)!)
		.sort((a, b) => a.id - b.id);
	for (const [i, m] of rated.entries()) {
		const e =
			enterprises.byUscc(m.uscc) ??
			enterprises.create(SYSTEM, {
				uscc: m.uscc,
				name: m.name,
				townId: m.townId,
				address: m.address
			});
		const month = String((i % 9) + 1).padStart(2, '0');
		try {
			makeCommitment(SYSTEM, e.id, {
				year,
				disclosedOn: `${year}-${month}-15`,
				channel: '现场公示'
			});
		} catch (err) {
			if (!(err instanceof campaign.DuplicateCommitment)) throw err;
		}
	}
	return `示范街商户信用承诺 ${rated.length} 条`;
}
