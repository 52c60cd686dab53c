CREATE TABLE `appeal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`archive_entry_id` integer NOT NULL,
	`statement` text NOT NULL,
	`evidence_keys` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decision` text DEFAULT '' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`reversal_entry_id` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`archive_entry_id`) REFERENCES `archive_entry`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_entry_id`) REFERENCES `archive_entry`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeal_status_idx` ON `appeal` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `appeal_entry_idx` ON `appeal` (`archive_entry_id`);--> statement-breakpoint
CREATE TABLE `commitment_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`street_id` integer NOT NULL,
	`convention_version` text NOT NULL,
	`convention_text` text NOT NULL,
	`signer_name` text NOT NULL,
	`signed_by` integer,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`street_id`) REFERENCES `street`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_signature_merchant_idx` ON `commitment_signature` (`merchant_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `feedback_receipt` (
	`feedback_id` integer PRIMARY KEY NOT NULL,
	`receipt_no` text NOT NULL,
	`token_hash` text NOT NULL,
	`answer` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_receipt_no_uq` ON `feedback_receipt` (`receipt_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_receipt_token_uq` ON `feedback_receipt` (`token_hash`);--> statement-breakpoint
CREATE TABLE `merchant_reply` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`refusal` text DEFAULT '' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `merchant_reply_town_status_idx` ON `merchant_reply` (`town_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `merchant_reply_target_idx` ON `merchant_reply` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `reinspection_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`town_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`note` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_by` integer,
	`closed_at` integer,
	`close_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reinspection_town_status_idx` ON `reinspection_request` (`town_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `scan_flag_handled` (
	`badge_id` integer PRIMARY KEY NOT NULL,
	`stale_scans` integer NOT NULL,
	`handled_by` integer,
	`handled_at` integer NOT NULL,
	FOREIGN KEY (`badge_id`) REFERENCES `badge`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `user_merchant` (
	`user_id` integer NOT NULL,
	`merchant_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `merchant_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_merchant_merchant_idx` ON `user_merchant` (`merchant_id`);