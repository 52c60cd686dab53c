CREATE TABLE `badge_code` (
	`badge_id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`code` text NOT NULL,
	`url` text NOT NULL,
	`qr_png` blob NOT NULL,
	`qr_svg` text NOT NULL,
	`qr_version` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by` integer,
	FOREIGN KEY (`badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `badge_scan` (
	`badge_id` integer NOT NULL,
	`day` text NOT NULL,
	`scans` integer DEFAULT 0 NOT NULL,
	`stale_scans` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`badge_id`, `day`),
	FOREIGN KEY (`badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `badge_scan_day_idx` ON `badge_scan` (`day`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer,
	`town_id` integer,
	`badge_id` integer,
	`source` text NOT NULL,
	`category` text NOT NULL,
	`body` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`scanned_code` text DEFAULT '' NOT NULL,
	`photo_key` text,
	`phone` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`officer_note` text DEFAULT '' NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	`archive_entry_id` integer,
	`points` integer,
	`reply` text DEFAULT '' NOT NULL,
	`reply_at` integer,
	`reply_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_town_status_idx` ON `feedback` (`town_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_merchant_idx` ON `feedback` (`merchant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `feedback_status_idx` ON `feedback` (`status`,`created_at`);