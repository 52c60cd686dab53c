/**
 * Operators' command line: `npm run cli -- <command> ...`. Runs the same domain modules as the
 * server, on the database DATABASE_URL names, after applying any pending migrations.
 */
import { parseArgs } from 'node:util';
import { bootstrap } from '../lib/server/bootstrap';
import { commands } from './commands';

const HELP = `用法：npm run cli -- <命令> [参数]

命令：
${commands.map((c) => `  ${c.usage}\n      ${c.help}`).join('\n')}
`;

async function main(argv: string[]) {
	const words: string[] = [];
	while (argv.length && !argv[0].startsWith('-')) words.push(argv.shift()!);
	const command = commands.find(
		(c) => c.name.length <= words.length && c.name.every((w, i) => words[i] === w)
	);
	if (!command) {
		console.log(HELP);
		return words.length ? 2 : 0;
	}
	const positionals = words.slice(command.name.length);
	const { values, positionals: rest } = parseArgs({
		args: argv,
		options: command.options ?? {},
		allowPositionals: true,
		strict: true
	});
	await bootstrap({ demo: false });
	return (await command.run({ values, positionals: [...positionals, ...rest] })) ?? 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(e) => {
		console.error(`错误：${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	}
);
