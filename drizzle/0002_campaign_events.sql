CREATE TABLE `event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`town_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	`form_id` integer NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`start_date` text NOT NULL,
	`start_time` text,
	`end_date` text NOT NULL,
	`end_time` text,
	`organisers` text DEFAULT '' NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_id`) REFERENCES `event_option`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_town_day_title_idx` ON `event` (`town_id`,`start_date`,`title`);--> statement-breakpoint
CREATE INDEX `event_start_idx` ON `event` (`start_date`);--> statement-breakpoint
CREATE INDEX `event_end_idx` ON `event` (`end_date`);--> statement-breakpoint
CREATE INDEX `event_theme_idx` ON `event` (`theme_id`);--> statement-breakpoint
CREATE INDEX `event_public_idx` ON `event` (`is_public`,`start_date`);--> statement-breakpoint
CREATE INDEX `event_public_end_idx` ON `event` (`is_public`,`end_date`);--> statement-breakpoint
CREATE TABLE `event_option` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_option_kind_name_idx` ON `event_option` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `event_photo` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`key` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_photo_event_idx` ON `event_photo` (`event_id`);--> statement-breakpoint
CREATE TABLE `campaign_year` (
	`year` integer PRIMARY KEY NOT NULL,
	`commitment_target` integer DEFAULT 5000 NOT NULL,
	`report_target` integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `commitment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`year` integer NOT NULL,
	`type` text NOT NULL,
	`disclosed_on` text NOT NULL,
	`channel` text NOT NULL,
	`link` text,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprise`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_natural_idx` ON `commitment` (`enterprise_id`,`year`,`type`,`disclosed_on`);--> statement-breakpoint
CREATE INDEX `commitment_year_status_idx` ON `commitment` (`year`,`status`,`enterprise_id`,`disclosed_on`);--> statement-breakpoint
CREATE INDEX `commitment_year_date_idx` ON `commitment` (`year`,`status`,`disclosed_on`);--> statement-breakpoint
CREATE INDEX `commitment_status_date_idx` ON `commitment` (`status`,`disclosed_on`);--> statement-breakpoint
CREATE TABLE `count_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`town_id` integer NOT NULL,
	`year` integer NOT NULL,
	`as_of` text NOT NULL,
	`commitments` integer NOT NULL,
	`reports` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `count_report_town_idx` ON `count_report` (`year`,`town_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `credit_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`year` integer NOT NULL,
	`items` text NOT NULL,
	`disclosed_on` text,
	`report_no` text,
	`agency` text,
	`issued_on` text,
	`pdf_key` text,
	`status` text DEFAULT 'applied' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprise`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_report_natural_idx` ON `credit_report` (`enterprise_id`,`year`);--> statement-breakpoint
CREATE INDEX `credit_report_year_status_idx` ON `credit_report` (`year`,`status`,`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uscc` text NOT NULL,
	`name` text NOT NULL,
	`town_id` integer NOT NULL,
	`address` text,
	`industry` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprise_uscc_unique` ON `enterprise` (`uscc`);--> statement-breakpoint
CREATE INDEX `enterprise_town_idx` ON `enterprise` (`town_id`);--> statement-breakpoint
CREATE INDEX `enterprise_name_idx` ON `enterprise` (`name`);--> statement-breakpoint
CREATE TABLE `town_target` (
	`year` integer NOT NULL,
	`town_id` integer NOT NULL,
	`commitment_target` integer DEFAULT 0 NOT NULL,
	`report_target` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `town_id`),
	FOREIGN KEY (`year`) REFERENCES `campaign_year`(`year`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`town_id`) REFERENCES `town`(`id`) ON UPDATE no action ON DELETE no action
);
