"""One JSON object per log line, for log collectors (journald, Loki, CloudWatch)."""

import datetime
import json
import logging


class JsonFormatter(logging.Formatter):
    """The record's message as ``message`` and the fields passed in ``extra={"fields": {...}}``
    beside it, with the time in UTC (ISO 8601), the level and the logger's name."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
