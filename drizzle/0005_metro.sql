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
CREATE INDEX `story_town_idx` ON `story` (`town_id`,`state`);