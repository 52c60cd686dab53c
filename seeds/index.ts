/**
 * What a first start writes. Reference data (towns, standards, theme lists) is always ensured and
 * never overwrites what users changed; demo data is written once, unless SEED_DEMO=0.
 */
import * as towns from '../src/lib/server/towns';
import { seedStreetsDemo, seedStreetsReference } from './streets';
import { seedBadgesDemo, seedBadgesReference } from './badges';
import { seedEventDemo, seedEventOptions } from './events';
import { seedCampaignDemo } from './campaign';

export function seedReference() {
	towns.seed();
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
	return done;
}
