/**
 * First start: apply migrations, ensure reference data, write demo data once (unless SEED_DEMO=0),
 * and create the first district admin with a random password printed once.
 */
import { db, migrateDatabase } from './db';
import * as settings from './settings';
import * as users from './users';
import { generatePassword } from './auth';
import { SYSTEM } from './actor';
import { seedDemo, seedReference } from '../../../seeds';
import { printWarning } from './badges/badges';

export type BootstrapResult = { admin?: { username: string; password: string }; demo: boolean };

let started: Promise<BootstrapResult> | undefined;

export function bootstrap(opts: { demo?: boolean; log?: (line: string) => void } = {}) {
	started ??= run(opts);
	return started;
}

async function run({
	demo = process.env.SEED_DEMO !== '0',
	log = console.log
}: {
	demo?: boolean;
	log?: (line: string) => void;
}): Promise<BootstrapResult> {
	migrateDatabase(db);
	seedReference();
	const result: BootstrapResult = { demo: false };
	// Demo data goes only into a database that is starting for the first time, never a live one.
	if (!settings.get('initialized_at')) {
		if (demo) {
			const parts = await seedDemo();
			result.demo = true;
			if (parts.length) log(`已写入演示数据：${parts.join('、')}`);
		}
		settings.set('initialized_at', new Date().toISOString());
	}
	const warning = printWarning();
	// Red on a terminal: plaques printed now would not open on a consumer's phone.
	if (warning) log(`\x1b[31m警告：${warning}\x1b[0m`);
	if (users.countUsers() === 0) {
		const password = generatePassword();
		await users.create(SYSTEM, {
			username: 'admin',
			displayName: '系统管理员',
			password,
			role: 'district_admin',
			townIds: []
		});
		result.admin = { username: 'admin', password };
		log('');
		log('==============================================================');
		log(' 首次启动：已创建区级管理员账号');
		log(`   用户名：admin`);
		log(`   初始密码：${password}`);
		log(' 此密码只显示这一次，请登录后在「我的账号」中修改。');
		log('==============================================================');
		log('');
	}
	return result;
}
