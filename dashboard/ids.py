"""Component ids: one constant each, so layout, callbacks and browser tests cannot drift apart.

The first seven are a contract with automated tests (issue 5); keep their values.
"""

ACTOR_FILTER = "actor-filter"
TIMELINE_GRAPH = "timeline-graph"
EVENT_TABLE = "event-table"
EVENT_DETAIL = "event-detail"
EXPORT_FORMAT = "export-format"
EXPORT_BUTTON = "export-button"
UPLOAD = "upload"

COUNTRY_FILTER = "country-filter"
TYPE_FILTER = "type-filter"
STATUS_FILTER = "status-filter"
DOC_FILTER = "doc-filter"
DATE_RANGE = "date-range"
TEXT_FILTER = "text-filter"
LANE_MODE = "lane-mode"

URL = "url"
VIEW_STORE = "view-store"            # the zoomed x-range, accumulated over relayout events
SELECTED_STORE = "selected-event"    # id of the event shown in the detail panel
DATASET_VERSION = "dataset-version"  # which server-side dataset the page shows

SUMMARY = "view-summary"
EXPORT_DOWNLOAD = "export-download"
EXPORT_MESSAGE = "export-message"
CSV_BUTTON = "csv-button"
JSON_BUTTON = "json-button"
CSV_DOWNLOAD = "csv-download"
JSON_DOWNLOAD = "json-download"
UPLOAD_DATE = "upload-date"
UPLOAD_MESSAGE = "upload-message"
