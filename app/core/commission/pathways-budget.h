/* pathways-budget.h — the placements budget: spend, forecast, variance
 *
 * A financial year runs from 1 April to 31 March and is named by the
 * year it starts in (2026 is 2026/27).  A budget line gives, for a year
 * and a kind of provision, the gross budget, the placement-weeks it
 * pays for and the income expected against it.
 *
 * Spend comes from the accommodation spells and the moves planned:
 * weekly cost × nights in the period ÷ 7, a night being counted from
 * the day a spell starts up to the day before it ends (the day a young
 * person leaves is paid by the next placement).  Nights up to and
 * including today are actual; later nights of current spells (to the
 * move already planned, or the year's end) and every night of a planned
 * spell are committed.  Actual + committed is the forecast to year end.
 * Income per placement (health and education contributions, the Home
 * Office UASC grant, housing benefit) is counted the same way, its
 * "until" day included.
 *
 * Variance explained (forecast net of income against the budget's):
 *   volume    = (Qf − Qb) × Pb       more or fewer placement-weeks
 *   unit cost = (Pf − Pb) × Qf       a different average weekly cost
 *   income    = Ib − If              less (or more) income than budgeted
 * where Q is placement-weeks, P gross ÷ Q and I income; the three add
 * up to the total, to the penny (the unit cost effect takes the
 * rounding).  Month by month, the budget is spread over the year by
 * days.
 *
 * GLib only: the CLI, the report and the Commissioning page call these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-commission-entities.h"
#include "pathways-store.h"

G_BEGIN_DECLS

/* Pure pieces, for the tests and for anyone checking the arithmetic -- */

/* Nights of [@start, @end) (ISO; @end NULL: open) inside [@from, @to]
 * (ISO, both included) */
int       pathways_budget_nights_in_period (const char *start,
                                            const char *end,
                                            const char *from,
                                            const char *to);
/* @weekly pence × @nights ÷ 7, rounded to the penny */
gint64    pathways_budget_cost_of_nights   (gint64      weekly,
                                            int         nights);

typedef struct {
  gint64 total;      /* forecast net − budget net: above 0 is an overspend */
  gint64 volume;
  gint64 unit_cost;
  gint64 income;
} PathwaysVariance;

void      pathways_budget_decompose        (gint64            budget_gross,
                                            double            budget_weeks,
                                            gint64            budget_income,
                                            gint64            forecast_gross,
                                            double            forecast_weeks,
                                            gint64            forecast_income,
                                            PathwaysVariance *out);

/* The financial year a day falls in (2027-03-31 → 2026) */
int       pathways_budget_year_of          (const char *iso);
char     *pathways_budget_year_label       (int         year);  /* "2026/27" */
gboolean  pathways_budget_year_parse       (const char *text,
                                            int        *out_year,
                                            GError    **error);

/* The report ----------------------------------------------------------- */

typedef struct {
  char   *kind;               /* a provision kind code, or NULL for the total */
  gint64  budget_gross;
  double  budget_weeks;
  gint64  budget_income;
  gint64  actual_gross;
  double  actual_weeks;
  gint64  actual_income;
  gint64  committed_gross;
  double  committed_weeks;
  gint64  committed_income;
  gint64  forecast_gross;
  double  forecast_weeks;
  gint64  forecast_income;
  PathwaysVariance variance;
  char   *working;            /* the arithmetic, in words and figures */
} PathwaysBudgetRow;

typedef struct {
  char      *from;            /* first day of the month */
  char      *to;              /* its last day */
  char      *label;           /* "April 2026" */
  GPtrArray *rows;            /* PathwaysBudgetRow per kind (those of the year) */
  PathwaysBudgetRow *total;
} PathwaysBudgetMonth;

typedef struct {
  int        year;
  char      *label;           /* "2026/27" */
  char      *from;            /* 1 April */
  char      *to;              /* 31 March */
  char      *today;
  GPtrArray *rows;            /* PathwaysBudgetRow per kind, provision-kind order */
  PathwaysBudgetRow *total;
  GPtrArray *months;          /* PathwaysBudgetMonth, April to March */
} PathwaysBudgetReport;

PathwaysBudgetReport *pathways_budget_report_compute (PathwaysStore  *store,
                                                      int             year,
                                                      const char     *today,
                                                      GError        **error);
void                  pathways_budget_report_free    (PathwaysBudgetReport *report);
const PathwaysBudgetRow *pathways_budget_report_find (PathwaysBudgetReport *report,
                                                      const char           *kind);
char                 *pathways_budget_report_to_text (PathwaysBudgetReport *report);
char                 *pathways_budget_report_to_csv  (PathwaysBudgetReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysBudgetReport, pathways_budget_report_free)

/* Placement mix on a day: current placements per kind, their share and
 * average weekly cost (Barnet's table) ------------------------------ */

typedef struct {
  char   *kind;
  int     count;
  double  percent;
  gint64  average_weekly;     /* pence, 0 when no placement has a cost */
} PathwaysMixRow;

typedef struct {
  char      *on;
  int        total;
  GPtrArray *rows;            /* PathwaysMixRow, most placements first */
} PathwaysPlacementMix;

PathwaysPlacementMix *pathways_placement_mix_compute (PathwaysStore  *store,
                                                      const char     *on,
                                                      GError        **error);
void                  pathways_placement_mix_free    (PathwaysPlacementMix *mix);
const PathwaysMixRow *pathways_placement_mix_find    (PathwaysPlacementMix *mix,
                                                      const char           *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysPlacementMix, pathways_placement_mix_free)

/* Writing the budget (one transaction each, undoable) ------------------ */

/* Sets the line for @year and @kind (inserted, or the existing one
 * changed).  Amounts in pence. */
gboolean  pathways_budget_set              (PathwaysStore      *store,
                                            int                 year,
                                            const char         *kind,
                                            gint64              amount,
                                            double              placement_weeks,
                                            gint64              income,
                                            const char         *note,
                                            PathwaysChangeSet **out_undo,
                                            GError            **error);
/* Records income against a placement (young-person-id, source,
 * start-date needed; spell-id, weekly-amount, end-date optional) */
gboolean  pathways_budget_add_income       (PathwaysStore            *store,
                                            PathwaysPlacementIncome  *income,
                                            PathwaysChangeSet       **out_undo,
                                            GError                  **error);
/* Removes income recorded against a placement (refused as a conflict
 * if it changed since @income was read) */
gboolean  pathways_budget_remove_income    (PathwaysStore            *store,
                                            PathwaysPlacementIncome  *income,
                                            PathwaysChangeSet       **out_undo,
                                            GError                  **error);
/* Checks a line's values as a form or an import would: NULL when
 * they are right, else a sentence saying what is wrong */
char     *pathways_budget_check_line       (int                 year,
                                            const char         *kind,
                                            gint64              amount,
                                            double              placement_weeks,
                                            gint64              income);

G_END_DECLS
