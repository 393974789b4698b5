-- Received reports are kept 30 days, then pruned oldest first in small batches: this index finds them.
CREATE INDEX received_report_received_at ON received_report (received_at);
