ALTER TABLE `inspection` ADD `supersedes_id` integer REFERENCES inspection(id);--> statement-breakpoint
ALTER TABLE `inspection` ADD `amend_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `inspection_supersedes_idx` ON `inspection` (`supersedes_id`);--> statement-breakpoint
ALTER TABLE `count_report` ADD `supersedes_id` integer REFERENCES count_report(id);--> statement-breakpoint
ALTER TABLE `count_report` ADD `reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `count_report` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `count_report` ADD `voided_by` integer REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `count_report` ADD `void_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `reinspection_request` ADD `inspection_id` integer REFERENCES inspection(id);