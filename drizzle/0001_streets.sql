CREATE TABLE `archive_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`points` real DEFAULT 0 NOT NULL,
	`score_after` real,
	`level_after` text,
	`title` text NOT NULL,
	`public_note` text DEFAULT '' NOT NULL,
	`internal_note` text DEFAULT '' NOT NULL,
	`complainant` text DEFAULT '' NOT NULL,
	`source_type` text,
	`source_id` text,
	`inspection_id` integer,
	`badge_id` integer,
	`instrument_id` integer,
	`public` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspection`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_id`) REFERENCES `instrument`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archive_merchant_idx` ON `archive_entry` (`merchant_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `archive_kind_idx` ON `archive_entry` (`kind`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `archive_source_idx` ON `archive_entry` (`source_type`,`source_id`);--> statement-breakpoint
CREATE TABLE `badge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`level` text NOT NULL,
	`state` text DEFAULT 'valid' NOT NULL,
	`granted_at` integer NOT NULL,
	`valid_until` text NOT NULL,
	`serial` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`inspection_id` integer,
	`state_reason` text DEFAULT '' NOT NULL,
	`state_changed_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspection`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `badge_serial_uq` ON `badge` (`serial`);--> statement-breakpoint
CREATE UNIQUE INDEX `badge_year_seq_uq` ON `badge` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `badge_merchant_idx` ON `badge` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `badge_state_idx` ON `badge` (`state`,`valid_until`);--> statement-breakpoint
CREATE TABLE `inspection` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'merchant' NOT NULL,
	`merchant_id` integer,
	`street_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`standard_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`total` real,
	`veto_hits` integer DEFAULT 0 NOT NULL,
	`result` text,
	`summary` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`street_id`) REFERENCES `street`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_id`) REFERENCES `standard`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_merchant_idx` ON `inspection` (`merchant_id`,`inspected_on`);--> statement-breakpoint
CREATE INDEX `inspection_street_idx` ON `inspection` (`street_id`);--> statement-breakpoint
CREATE INDEX `inspection_town_idx` ON `inspection` (`town_id`,`inspected_on`);--> statement-breakpoint
CREATE TABLE `inspection_inspector` (
	`inspection_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`inspection_id`, `user_id`),
	FOREIGN KEY (`inspection_id`) REFERENCES `inspection`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspection_score` (
	`inspection_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`points` real DEFAULT 0 NOT NULL,
	`veto_hit` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`photo_keys` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`inspection_id`, `item_id`),
	FOREIGN KEY (`inspection_id`) REFERENCES `inspection`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `standard_item`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `instrument` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`type` text NOT NULL,
	`serial` text NOT NULL,
	`last_verified_on` text,
	`next_due_on` text,
	`certificate_no` text DEFAULT '' NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instrument_merchant_idx` ON `instrument` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `instrument_due_idx` ON `instrument` (`next_due_on`);--> statement-breakpoint
CREATE TABLE `merchant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`street_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`category` text DEFAULT 'other' NOT NULL,
	`photo_key` text,
	`trading_status` text DEFAULT 'open' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`level` text DEFAULT 'none' NOT NULL,
	`score` real,
	`last_inspection_id` integer,
	`last_inspected_on` text,
	`current_badge_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`street_id`) REFERENCES `street`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_inspection_id`) REFERENCES `inspection`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `merchant_uscc_uq` ON `merchant` (`uscc`);--> statement-breakpoint
CREATE INDEX `merchant_street_idx` ON `merchant` (`street_id`);--> statement-breakpoint
CREATE INDEX `merchant_town_level_idx` ON `merchant` (`town_id`,`level`);--> statement-breakpoint
CREATE INDEX `merchant_level_idx` ON `merchant` (`level`);--> statement-breakpoint
CREATE TABLE `standard` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_kind_version_uq` ON `standard` (`kind`,`version`);--> statement-breakpoint
CREATE TABLE `standard_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`standard_id` integer NOT NULL,
	`code` text NOT NULL,
	`group_name` text NOT NULL,
	`text` text NOT NULL,
	`guidance` text DEFAULT '' NOT NULL,
	`max_points` real DEFAULT 0 NOT NULL,
	`veto` integer DEFAULT false NOT NULL,
	`metrology` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`standard_id`) REFERENCES `standard`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standard_item_code_uq` ON `standard_item` (`standard_id`,`code`);--> statement-breakpoint
CREATE INDEX `standard_item_standard_idx` ON `standard_item` (`standard_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `street` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`town_id` integer NOT NULL,
	`name` text NOT NULL,
	`geometry` text,
	`status` text DEFAULT 'building' NOT NULL,
	`convention` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`committee_contact` text DEFAULT '' NOT NULL,
	`committee_phone` text DEFAULT '' NOT NULL,
	`awarded_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `street_town_idx` ON `street` (`town_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `street_town_name_uq` ON `street` (`town_id`,`name`);