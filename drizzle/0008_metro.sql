CREATE TABLE `event_story` (
	`event_id` integer NOT NULL,
	`story_id` integer NOT NULL,
	PRIMARY KEY(`event_id`, `story_id`),
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`story_id`) REFERENCES `story`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_story_story_idx` ON `event_story` (`story_id`);--> statement-breakpoint
CREATE TABLE `story` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_name` text NOT NULL,
	`merchant_id` integer,
	`enterprise_id` integer,
	`town_id` integer NOT NULL,
	`body` text NOT NULL,
	`photo_keys` text DEFAULT '[]' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`state` text DEFAULT 'submitted' NOT NULL,
	`reject_reason` text DEFAULT '' NOT NULL,
	`origin` text DEFAULT 'public' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`receipt_hash` text,
	`published_at` integer,
	`reviewed_by` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprise`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `story_receipt_uq` ON `story` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `story_state_idx` ON `story` (`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `story_town_idx` ON `story` (`town_id`,`state`);--> statement-breakpoint
CREATE TABLE `event_audience` (
	`event_id` integer NOT NULL,
	`audience` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`event_id`, `audience`),
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `event_school` (
	`event_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`students` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`event_id`, `school_id`),
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_school_school_idx` ON `event_school` (`school_id`);--> statement-breakpoint
CREATE TABLE `event_youth` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`activity_type` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`town_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_name_uq` ON `school` (`name`);--> statement-breakpoint
CREATE INDEX `school_town_idx` ON `school` (`town_id`);--> statement-breakpoint
CREATE TABLE `fair_scale` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`serial` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `metrology_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fair_scale_unit_idx` ON `fair_scale` (`unit_id`);--> statement-breakpoint
CREATE TABLE `fair_scale_check` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scale_id` integer NOT NULL,
	`checked_on` text NOT NULL,
	`checker` text NOT NULL,
	`result` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scale_id`) REFERENCES `fair_scale`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fair_scale_check_scale_idx` ON `fair_scale_check` (`scale_id`,`checked_on`);--> statement-breakpoint
CREATE TABLE `metrology_unit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`uscc` text NOT NULL,
	`town_id` integer NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'building' NOT NULL,
	`named_on` text,
	`reviewed_on` text,
	`revoked_on` text,
	`revoke_reason` text DEFAULT '' NOT NULL,
	`last_inspection_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrology_unit_uscc_uq` ON `metrology_unit` (`uscc`);--> statement-breakpoint
CREATE INDEX `metrology_unit_town_idx` ON `metrology_unit` (`town_id`,`status`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_inspection` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'merchant' NOT NULL,
	`merchant_id` integer,
	`street_id` integer,
	`unit_id` integer,
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
	FOREIGN KEY (`unit_id`) REFERENCES `metrology_unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_id`) REFERENCES `standard`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_inspection`("id", "kind", "merchant_id", "street_id", "town_id", "standard_id", "inspected_on", "status", "total", "veto_hits", "result", "summary", "created_by", "created_at", "submitted_at") SELECT "id", "kind", "merchant_id", "street_id", "town_id", "standard_id", "inspected_on", "status", "total", "veto_hits", "result", "summary", "created_by", "created_at", "submitted_at" FROM `inspection`;--> statement-breakpoint
DROP TABLE `inspection`;--> statement-breakpoint
ALTER TABLE `__new_inspection` RENAME TO `inspection`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `inspection_merchant_idx` ON `inspection` (`merchant_id`,`inspected_on`);--> statement-breakpoint
CREATE INDEX `inspection_street_idx` ON `inspection` (`street_id`);--> statement-breakpoint
CREATE INDEX `inspection_unit_idx` ON `inspection` (`unit_id`);--> statement-breakpoint
CREATE INDEX `inspection_town_idx` ON `inspection` (`town_id`,`inspected_on`);--> statement-breakpoint
CREATE TABLE `__new_instrument` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer,
	`unit_id` integer,
	`type` text NOT NULL,
	`serial` text NOT NULL,
	`last_verified_on` text,
	`next_due_on` text,
	`certificate_no` text DEFAULT '' NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `metrology_unit`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instrument_owner_ck" CHECK((merchant_id is null) <> (unit_id is null))
);
--> statement-breakpoint
INSERT INTO `__new_instrument`("id", "merchant_id", "type", "serial", "last_verified_on", "next_due_on", "certificate_no", "retired", "note", "created_at", "updated_at") SELECT "id", "merchant_id", "type", "serial", "last_verified_on", "next_due_on", "certificate_no", "retired", "note", "created_at", "updated_at" FROM `instrument`;--> statement-breakpoint
DROP TABLE `instrument`;--> statement-breakpoint
ALTER TABLE `__new_instrument` RENAME TO `instrument`;--> statement-breakpoint
CREATE INDEX `instrument_merchant_idx` ON `instrument` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `instrument_unit_idx` ON `instrument` (`unit_id`);--> statement-breakpoint
CREATE INDEX `instrument_due_idx` ON `instrument` (`next_due_on`);--> statement-breakpoint
ALTER TABLE `merchant` ADD `unit_id` integer REFERENCES metrology_unit(id);
