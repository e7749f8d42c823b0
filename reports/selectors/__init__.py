"""Reads behind the reports, one module per subject; import from the module itself.

- ``periods``: the period of a report (a year, a quarter, all time);
- ``activity``: the pledges and deliveries counted, and their sums per facility and field;
- ``households``: poor households of a region, rolled up from the poverty figures;
- ``regional``: the region table, the gap ranking and the dashboard that puts it all together;
- ``breakdowns``: figures by CSR field, by company and by facility;
- ``overdue``: deliveries overdue today;
- ``discipline``: a company's reporting discipline;
- ``forum``: the Forum TSLP annual report.

The definitions are in docs/decisions.md ("Reports"). Every function issues a fixed number of
queries, whatever the size of the data (see docs/performance.md, "Reports dashboard").
"""
