/**
 * Whether the address printed into plaque QR codes will open on a consumer's phone: not a
 * loopback or machine-local name, and not plain http on a public host (phones and WeChat warn or
 * refuse). Shown in red on the print pages and logged at start.
 */
export function originWarning(raw: string): string | null {
	let u: URL;
	try {
		u = new URL(raw);
	} catch {
		return `ORIGIN（${raw}）不是有效的网址，打印出的牌匾二维码将无法打开。`;
	}
	const host = u.hostname.replace(/^\[|\]$/g, '');
	const local =
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '::1' ||
		host === '0.0.0.0' ||
		/^127\./.test(host);
	if (local)
		return `ORIGIN 是 ${u.origin}，只在本机可用：此时打印的牌匾二维码在消费者手机上打不开。请把 ORIGIN 设为对外公开的 https 网址后再打印。`;
	const privateNet =
		/^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host);
	if (u.protocol === 'http:' && !privateNet)
		return `ORIGIN 是 ${u.origin}，使用不加密的 http：消费者手机和微信扫码时会提示不安全或拒绝打开。请改用 https 网址后再打印。`;
	return null;
}
