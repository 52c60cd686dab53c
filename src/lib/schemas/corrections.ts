import { z } from 'zod';

export const REASON_MIN = 5;
export const REASON_MAX = 500;

/** Every correction, amendment and withdrawal says why, in a few words at least. */
export const reason = z
	.string({ message: '请写明原因' })
	.trim()
	.min(REASON_MIN, `请写明原因，至少 ${REASON_MIN} 个字`)
	.max(REASON_MAX, `原因不能超过 ${REASON_MAX} 个字`);

const id = z.coerce.number({ message: '记录有误' }).int('记录有误').positive('记录有误');

/** Amending a submitted inspection: a new version is opened with this reason. */
export const amendSchema = z.object({ reason });

/** Withdrawing a filed count. */
export const withdrawSchema = z.object({ id, reason });
