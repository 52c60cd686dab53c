/**
 * Starts the production server (`npm start`) on a new SQLite file with demo data, exactly as an
 * operator does, and reads the first admin's password from its console.
 */
import { rmSync } from 'node:fs';
import { startServer } from './server';

export default async function globalSetup() {
	const server = await startServer({
		port: process.env.E2E_PORT ?? '4173',
		seedDemo: process.env.E2E_SEED_DEMO !== '0'
	});
	if (!server.password) throw new Error(`控制台没有打印初始管理员密码：\n${server.output()}`);

	process.env.E2E_ADMIN_PASSWORD = server.password;
	process.env.E2E_DATABASE_URL = server.databaseUrl;
	process.env.E2E_DATA_DIR = server.dataDir;
	process.env.E2E_ORIGIN = server.origin;

	return async () => {
		await server.stop();
		rmSync(server.dataDir, { recursive: true, force: true });
	};
}
