CREATE TABLE `credit_town` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`town_id` integer NOT NULL,
	`standard_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`submitted_on` text,
	`accepted_on` text,
	`decided_on` text,
	`named_on` text,
	`valid_until` text,
	`review_due_on` text,
	`reviewed_on` text,
	`ended_on` text,
	`return_comment` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`inspection_id` integer,
	`total` real,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`standard_id`) REFERENCES `standard`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_town_town_idx` ON `credit_town` (`town_id`,`status`);--> statement-breakpoint
CREATE INDEX `credit_town_status_idx` ON `credit_town` (`status`);--> statement-breakpoint
CREATE TABLE `credit_town_evidence` (
	`credit_town_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`credit_town_id`, `item_id`),
	FOREIGN KEY (`credit_town_id`) REFERENCES `credit_town`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `standard_item`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `credit_town_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`credit_town_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`credit_town_id`) REFERENCES `credit_town`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `standard_item`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_town_file_app_idx` ON `credit_town_file` (`credit_town_id`,`item_id`);--> statement-breakpoint
ALTER TABLE `inspection` ADD `credit_town_id` integer;--> statement-breakpoint
CREATE INDEX `inspection_credit_town_idx` ON `inspection` (`credit_town_id`);--> statement-breakpoint
ALTER TABLE `standard` ADD `pass_mark` real;