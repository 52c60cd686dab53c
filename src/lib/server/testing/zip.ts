/**
 * A hand-made zip for tests: one deflated entry whose central directory declares `declared` bytes
 * uncompressed (a zip bomb's signature, without the gigabytes).
 */
export function zipBomb(declared: number, name = 'xl/worksheets/sheet1.xml'): Uint8Array {
	const fileName = Buffer.from(name);
	const data = Buffer.from('<x/>');
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8); // deflated
	local.writeUInt32LE(0, 14); // crc (not checked: nothing is inflated)
	local.writeUInt32LE(data.length, 18);
	local.writeUInt32LE(declared >>> 0, 22);
	local.writeUInt16LE(fileName.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(8, 10); // deflated
	central.writeUInt32LE(data.length, 20);
	central.writeUInt32LE(declared >>> 0, 24);
	central.writeUInt16LE(fileName.length, 28);
	central.writeUInt32LE(0, 42);
	const cdOffset = local.length + fileName.length + data.length;
	const cdSize = central.length + fileName.length;
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(cdSize, 12);
	end.writeUInt32LE(cdOffset, 16);
	return new Uint8Array(Buffer.concat([local, fileName, data, central, fileName, end]));
}
