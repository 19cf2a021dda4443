/* pathways-report.c — the committee report
 *
 * The figures are turned once into a list of tables (title, header,
 * typed cells); the PDF, CSV and Excel writers each lay out the same
 * tables their own way, so the three files always agree.  One choice:
 * committee papers may be published, so the PDF counts the compliance
 * lists by severity and names no one; the CSV and Excel files (for
 * internal use) list the young people on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "pathways-file.h"
#include "pathways-format.h"
#include "pathways-page-marking.h"
#include "pathways-report.h"

G_DEFINE_QUARK (pathways-report-error-quark, pathways_report_error)

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* Tables ----------------------------------------------------------------- */

typedef enum {
  CELL_TEXT,
  CELL_INT,
  CELL_PERCENT,   /* value: percent, 0–100 */
  CELL_MONEY,     /* value: pence */
} CellKind;

typedef struct {
  CellKind  kind;
  char     *text;
  double    value;
} Cell;

typedef struct {
  char      *sheet;     /* worksheet name, at most 31 characters */
  char      *title;
  guint      n_cols;
  char     **header;
  GPtrArray *rows;      /* Cell[n_cols] */
  gboolean   last_is_total;
} Table;

static void
row_free (gpointer data)
{
  Cell *row = data;

  /* The row knows not its length: cells end with a sentinel */
  for (guint i = 0; row[i].kind != (CellKind) -1; i++)
    g_free (row[i].text);
  g_free (row);
}

static void
table_free (Table *t)
{
  g_free (t->sheet);
  g_free (t->title);
  g_strfreev (t->header);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
table_new (const char *sheet,
           const char *title,
           ...)
{
  Table *t = g_new0 (Table, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *h;

  t->sheet = g_strdup (sheet);
  t->title = g_strdup (title);
  va_start (args, title);
  while ((h = va_arg (args, const char *)) != NULL)
    {
      g_strv_builder_add (builder, h);
      t->n_cols++;
    }
  va_end (args);
  t->header = g_strv_builder_end (builder);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  return t;
}

static Cell *
table_add_row (Table *t)
{
  Cell *row = g_new0 (Cell, t->n_cols + 1);

  row[t->n_cols].kind = (CellKind) -1;
  g_ptr_array_add (t->rows, row);
  return row;
}

static void
cell_text (Cell       *c,
           const char *text)
{
  c->kind = CELL_TEXT;
  c->text = g_strdup (text ? text : "");
}

static void
cell_int (Cell *c,
          int   n)
{
  c->kind = CELL_INT;
  c->value = n;
  c->text = g_strdup_printf ("%d", n);
}

static void
cell_percent (Cell   *c,
              double  percent)
{
  c->kind = CELL_PERCENT;
  c->value = percent;
  c->text = g_strdup_printf ("%.0f%%", percent);
}

static void
cell_money (Cell   *c,
            gint64  pence)
{
  c->kind = CELL_MONEY;
  c->value = (double) pence;
  c->text = pathways_money_format (pence);
}

static gboolean
shown (const PathwaysSufficiency *s,
       PathwaysMixKind            k)
{
  return s->mix[k].count > 0;
}

static Table *
table_mix (const PathwaysSufficiency *s)
{
  g_autofree char *uk = pathways_date_format_uk (s->date);
  g_autofree char *title = g_strdup_printf (_("Accommodation mix on %s"), uk);
  Table *t = table_new ("Mix", title, _("Provision type"), _("%"), _("Number"), NULL);
  Cell *row;

  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      if (!shown (s, k))
        continue;
      row = table_add_row (t);
      cell_text (&row[0], pathways_mix_kind_label (k));
      cell_percent (&row[1], pathways_sufficiency_percent (s->mix[k].count, s->n_people));
      cell_int (&row[2], s->mix[k].count);
    }
  row = table_add_row (t);
  cell_text (&row[0], _("Total"));
  cell_percent (&row[1], s->n_people > 0 ? 100 : 0);
  cell_int (&row[2], s->n_people);
  t->last_is_total = TRUE;
  return t;
}

static Table *
table_provider (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Provider", _("In-house and external provision"), _("Provision type"),
                        _("In-house"), _("External"), _("Provider not recorded"), NULL);
  Cell *row;

  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      if (!shown (s, k) || k == PATHWAYS_MIX_NONE)
        continue;
      row = table_add_row (t);
      cell_text (&row[0], pathways_mix_kind_label (k));
      cell_int (&row[1], s->mix[k].in_house);
      cell_int (&row[2], s->mix[k].external);
      cell_int (&row[3], s->mix[k].provider_unknown);
    }
  row = table_add_row (t);
  cell_text (&row[0], _("Total"));
  cell_int (&row[1], s->all.in_house);
  cell_int (&row[2], s->all.external);
  cell_int (&row[3], s->all.provider_unknown);
  t->last_is_total = TRUE;
  return t;
}

static Table *
table_location (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Location", _("Where young people live"), _("Provision type"),
                        _("Inside the authority"), _("Outside the authority"), _("Location not recorded"),
                        _("Within 20 miles of home"), _("More than 20 miles from home"),
                        _("Distance not known"), NULL);
  Cell *row;

  for (int k = 0; k <= PATHWAYS_N_MIX_KINDS; k++)
    {
      const PathwaysMixFigures *f = k < PATHWAYS_N_MIX_KINDS ? &s->mix[k] : &s->all;

      if (k < PATHWAYS_N_MIX_KINDS && (!shown (s, k) || k == PATHWAYS_MIX_NONE))
        continue;
      row = table_add_row (t);
      cell_text (&row[0], k < PATHWAYS_N_MIX_KINDS ? pathways_mix_kind_label (k) : _("Total"));
      cell_int (&row[1], f->in_authority);
      cell_int (&row[2], f->out_of_authority);
      cell_int (&row[3], f->location_unknown);
      cell_int (&row[4], f->near);
      cell_int (&row[5], f->far);
      cell_int (&row[6], f->distance_unknown);
    }
  t->last_is_total = TRUE;
  return t;
}

static Table *
table_cost (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Cost", _("Weekly cost by provision type"), _("Provision type"), _("Number"),
                        _("With a cost recorded"), _("Average a week"), _("Total a week"), NULL);
  Cell *row;

  for (int k = 0; k <= PATHWAYS_N_MIX_KINDS; k++)
    {
      const PathwaysMixFigures *f = k < PATHWAYS_N_MIX_KINDS ? &s->mix[k] : &s->all;

      if (k < PATHWAYS_N_MIX_KINDS && (!shown (s, k) || k == PATHWAYS_MIX_NONE))
        continue;
      row = table_add_row (t);
      cell_text (&row[0], k < PATHWAYS_N_MIX_KINDS ? pathways_mix_kind_label (k) : _("Total"));
      cell_int (&row[1], f->count);
      cell_int (&row[2], f->n_costed);
      cell_money (&row[3], pathways_mix_figures_average_cost (f));
      cell_money (&row[4], f->total_cost);
    }
  t->last_is_total = TRUE;
  return t;
}

/* The cliff-edge tables end with everyone turning 18 in each horizon */
static void
add_cliff_total (Table                     *t,
                 const PathwaysSufficiency *s)
{
  Cell *row = table_add_row (t);

  cell_text (&row[0], _("Total"));
  for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
    cell_int (&row[1 + h], s->cliff_total[h]);
  t->last_is_total = TRUE;
}

static Table *
table_cliff_route (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Cliff edge by route", _("Turning 18, by planned route"), _("Planned route"),
                        _("Within 3 months"), _("Within 6 months"), _("Within 12 months"), NULL);
  Cell *row;

  for (int r = 0; r < PATHWAYS_N_ROUTES; r++)
    {
      row = table_add_row (t);
      cell_text (&row[0], pathways_route_label (r));
      for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
        cell_int (&row[1 + h], s->cliff_by_route[r][h]);
    }
  add_cliff_total (t, s);
  return t;
}

static Table *
table_cliff_now (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Cliff edge by placement", _("Turning 18, by current accommodation"),
                        _("Current accommodation"), _("Within 3 months"), _("Within 6 months"),
                        _("Within 12 months"), NULL);
  Cell *row;

  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      if (s->cliff_by_mix[k][PATHWAYS_CLIFF_N_HORIZONS - 1] == 0)
        continue;
      row = table_add_row (t);
      cell_text (&row[0], pathways_mix_kind_label (k));
      for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
        cell_int (&row[1 + h], s->cliff_by_mix[k][h]);
    }
  add_cliff_total (t, s);
  return t;
}

static Table *
table_demand (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Demand and supply", _("Demand and supply by month"), _("Month"),
                        _("Supported: need"), _("Supported: free"),
                        _("Staying Put: need"), _("Staying Put: free"),
                        _("Staying Close: need"), _("Staying Close: free"),
                        _("Move-on: need"), _("Move-on: free"), NULL);

  G_STATIC_ASSERT (PATHWAYS_N_FORECAST_STAGES == 4);
  /* (months after the end of the calendar, NULL, have no row) */
  for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS && s->months[m] != NULL; m++)
    {
      Cell *row = table_add_row (t);
      g_autofree char *month = pathways_month_label (s->months[m]);

      cell_text (&row[0], month);
      for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
        {
          cell_int (&row[1 + 2 * k], s->demand[k][m]);
          cell_int (&row[2 + 2 * k], s->supply[k][m]);
        }
    }
  return t;
}

static Table *
table_gaps (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Gaps", _("Places to commission over the next 24 months"), _("Pathway stage"),
                        _("Need"), _("Coming free"), _("Largest shortfall"), _("Reached by"), NULL);

  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      const PathwaysGap *g = &s->gaps[k];
      Cell *row = table_add_row (t);
      g_autofree char *by = g->shortfall > 0 ? pathways_month_label (g->shortfall_by) : g_strdup ("—");

      cell_text (&row[0], pathways_stage_label (g->stage));
      cell_int (&row[1], g->demand);
      cell_int (&row[2], g->supply);
      cell_int (&row[3], g->shortfall);
      cell_text (&row[4], by);
    }
  return t;
}

static Table *
table_compliance (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Compliance", _("Compliance"), _("List"), _("Young person"), _("Local ID"), _("Due"),
                        _("Detail"), NULL);

  for (int l = 0; l < PATHWAYS_N_COMPLIANCE; l++)
    for (guint i = 0; i < s->compliance[l]->len; i++)
      {
        const PathwaysComplianceItem *item = g_ptr_array_index (s->compliance[l], i);
        g_autofree char *due = pathways_date_format_uk (item->due);
        Cell *row = table_add_row (t);

        cell_text (&row[0], pathways_compliance_label (l));
        cell_text (&row[1], item->name);
        cell_text (&row[2], item->local_id);
        cell_text (&row[3], due);
        cell_text (&row[4], item->text);
      }
  return t;
}

static Table *
table_compliance_counts (const PathwaysSufficiency *s)
{
  Table *t = table_new ("Compliance", _("Compliance lists, by severity"), _("List"), _("High"), _("Medium"),
                        _("Low"), _("Total"), NULL);

  for (int l = 0; l < PATHWAYS_N_COMPLIANCE; l++)
    {
      int by_severity[PATHWAYS_SEVERITY_HIGH + 1] = { 0 };
      Cell *row = table_add_row (t);

      for (guint i = 0; i < s->compliance[l]->len; i++)
        by_severity[((PathwaysComplianceItem *) g_ptr_array_index (s->compliance[l], i))->severity]++;
      cell_text (&row[0], pathways_compliance_label (l));
      cell_int (&row[1], by_severity[PATHWAYS_SEVERITY_HIGH]);
      cell_int (&row[2], by_severity[PATHWAYS_SEVERITY_MEDIUM]);
      cell_int (&row[3], by_severity[PATHWAYS_SEVERITY_LOW] + by_severity[PATHWAYS_SEVERITY_INFO]);
      cell_int (&row[4], (int) s->compliance[l]->len);
    }
  return t;
}

enum {
  T_MIX, T_PROVIDER, T_LOCATION, T_COST, T_CLIFF_ROUTE, T_CLIFF_NOW, T_GAPS, T_DEMAND, T_COMPLIANCE, N_TABLES
};

static GPtrArray *
build_tables (const PathwaysSufficiency *s)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);

  g_ptr_array_add (tables, table_mix (s));
  g_ptr_array_add (tables, table_provider (s));
  g_ptr_array_add (tables, table_location (s));
  g_ptr_array_add (tables, table_cost (s));
  g_ptr_array_add (tables, table_cliff_route (s));
  g_ptr_array_add (tables, table_cliff_now (s));
  g_ptr_array_add (tables, table_gaps (s));
  g_ptr_array_add (tables, table_demand (s));
  g_ptr_array_add (tables, table_compliance (s));
  g_assert (tables->len == N_TABLES);
  return tables;
}

/* Commissioning (issue #18): the budget, the placement mix with its
 * weekly costs, I statements, referral to placement ------------------- */

enum { T_C_MIX, T_C_IFA, T_C_BUDGET, T_C_MONTHS, T_C_I_PROVIDER, T_C_I_KIND, T_C_REFERRALS, N_C_TABLES };

static Table *
table_placement_costs (const PathwaysCommissioning *c)
{
  g_autofree char *uk = pathways_date_format_uk (c->date);
  g_autofree char *title = g_strdup_printf (_("Placement mix and average weekly cost on %s"), uk);
  Table *t = table_new ("Placement costs", title, _("Provision type"), _("%"), _("Number"),
                        _("Average weekly cost"), NULL);
  Cell *row;

  for (guint i = 0; i < c->mix->rows->len; i++)
    {
      const PathwaysMixRow *m = g_ptr_array_index (c->mix->rows, i);

      row = table_add_row (t);
      cell_text (&row[0], pathways_provision_kind_label (m->kind));
      cell_percent (&row[1], m->percent);
      cell_int (&row[2], m->count);
      if (m->average_weekly > 0)
        cell_money (&row[3], m->average_weekly);
      else
        cell_text (&row[3], "");
    }
  row = table_add_row (t);
  cell_text (&row[0], _("Total"));
  cell_percent (&row[1], c->mix->total > 0 ? 100 : 0);
  cell_int (&row[2], c->mix->total);
  cell_text (&row[3], "");
  t->last_is_total = TRUE;
  return t;
}

static Table *
table_ifa_in_house (const PathwaysCommissioning *c)
{
  const PathwaysMixRow *ifa = pathways_placement_mix_find (c->mix, "ifa");
  const PathwaysMixRow *own = pathways_placement_mix_find (c->mix, "in_house_fostering");
  Table *t = table_new ("IFA and in-house", _("Independent fostering agency against in-house fostering"),
                        _("Foster placement"), _("Number"), _("Average weekly cost"), NULL);
  Cell *row;

  row = table_add_row (t);
  cell_text (&row[0], pathways_provision_kind_label ("ifa"));
  cell_int (&row[1], ifa ? ifa->count : 0);
  cell_money (&row[2], ifa ? ifa->average_weekly : 0);
  row = table_add_row (t);
  cell_text (&row[0], pathways_provision_kind_label ("in_house_fostering"));
  cell_int (&row[1], own ? own->count : 0);
  cell_money (&row[2], own ? own->average_weekly : 0);
  row = table_add_row (t);
  cell_text (&row[0], _("IFA costs more a week by"));
  cell_text (&row[1], "");
  cell_money (&row[2], (ifa ? ifa->average_weekly : 0) - (own ? own->average_weekly : 0));
  t->last_is_total = TRUE;
  return t;
}

static void
budget_cells (Cell                    *row,
              const PathwaysBudgetRow *r)
{
  cell_money (&row[1], r->budget_gross - r->budget_income);
  cell_money (&row[2], r->forecast_gross - r->forecast_income);
  cell_money (&row[3], r->variance.total);
  cell_money (&row[4], r->variance.volume);
  cell_money (&row[5], r->variance.unit_cost);
  cell_money (&row[6], r->variance.income);
}

static Table *
table_budget (const PathwaysCommissioning *c)
{
  g_autofree char *title = g_strdup_printf (_("Placements budget %s: forecast to the year end and the variance "
                                              "explained"), c->budget->label);
  Table *t = table_new ("Budget", title, _("Kind of provision"), _("Budget, net of income"),
                        _("Forecast, net of income"), _("Variance"), _("Volume"), _("Unit cost"), _("Income"), NULL);
  Cell *row;

  for (guint i = 0; i < c->budget->rows->len; i++)
    {
      const PathwaysBudgetRow *r = g_ptr_array_index (c->budget->rows, i);

      row = table_add_row (t);
      cell_text (&row[0], pathways_provision_kind_label (r->kind));
      budget_cells (row, r);
    }
  row = table_add_row (t);
  cell_text (&row[0], _("Total"));
  budget_cells (row, c->budget->total);
  t->last_is_total = TRUE;
  return t;
}

static Table *
table_budget_months (const PathwaysCommissioning *c)
{
  g_autofree char *title = g_strdup_printf (_("Placements budget %s month by month"), c->budget->label);
  Table *t = table_new ("Budget by month", title, _("Month"), _("Budget, net of income"),
                        _("Forecast, net of income"), _("Variance"), _("Volume"), _("Unit cost"), _("Income"), NULL);
  Cell *row;

  for (guint m = 0; m < c->budget->months->len; m++)
    {
      const PathwaysBudgetMonth *month = g_ptr_array_index (c->budget->months, m);

      row = table_add_row (t);
      cell_text (&row[0], month->label);
      budget_cells (row, month->total);
    }
  return t;
}

static Table *
table_i_statements (PathwaysIStatementScores *scores,
                    const char               *sheet,
                    const char               *title,
                    const char               *first)
{
  Table *t = g_new0 (Table, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  t->sheet = g_strdup (sheet);
  t->title = g_strdup (title);
  g_strv_builder_add (builder, first);
  g_strv_builder_add (builder, _("Young people"));
  for (guint k = 0; k < scores->statements->len; k++)
    g_strv_builder_add (builder, pathways_i_statement_get_text (g_ptr_array_index (scores->statements, k)));
  t->header = g_strv_builder_end (builder);
  t->n_cols = g_strv_length (t->header);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  for (guint i = 0; i < scores->groups->len; i++)
    {
      const PathwaysIStatementGroup *g = g_ptr_array_index (scores->groups, i);
      Cell *row = table_add_row (t);

      cell_text (&row[0], g->name);
      cell_int (&row[1], g->young_people);
      for (guint k = 0; k < scores->statements->len; k++)
        {
          if (g->tallies[k].score < 0)
            cell_text (&row[k + 2], C_("no score", "—"));
          else
            cell_percent (&row[k + 2], g->tallies[k].score);
        }
    }
  return t;
}

static Table *
table_referrals (const PathwaysCommissioning *c)
{
  Table *t = table_new ("Referrals", _("Referrals to providers and the time to a placement"), _("Referrals made"),
                        _("Placed"), _("Open"), _("Closed"), _("Median days to placement"),
                        _("Longest days to placement"), NULL);
  Cell *row = table_add_row (t);

  cell_int (&row[0], (int) c->times.made);
  cell_int (&row[1], (int) c->times.placed);
  cell_int (&row[2], (int) c->times.open);
  cell_int (&row[3], (int) c->times.closed);
  cell_int (&row[4], c->times.median_days);
  cell_int (&row[5], c->times.longest_days);
  return t;
}

static void
add_commissioning_tables (GPtrArray                   *tables,
                          const PathwaysCommissioning *c)
{
  g_assert (tables->len == N_TABLES);
  g_ptr_array_add (tables, table_placement_costs (c));
  g_ptr_array_add (tables, table_ifa_in_house (c));
  g_ptr_array_add (tables, table_budget (c));
  g_ptr_array_add (tables, table_budget_months (c));
  g_ptr_array_add (tables, table_i_statements (c->by_provider, "I statements by provider",
                                               _("I statements: how young people placed with each provider score"),
                                               _("Provider")));
  g_ptr_array_add (tables, table_i_statements (c->by_kind, "I statements by kind",
                                               _("I statements: how young people in each kind of provision score"),
                                               _("Kind of provision")));
  g_ptr_array_add (tables, table_referrals (c));
  g_assert (tables->len == N_TABLES + N_C_TABLES);
}

/* Charts ----------------------------------------------------------------- */

PathwaysChartData *
pathways_report_chart (const PathwaysSufficiency *s,
                       PathwaysReportChart        chart)
{
  PathwaysChartData *d = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  switch (chart)
    {
    case PATHWAYS_REPORT_CHART_MIX:
      {
        const char *series[] = { _("In-house"), _("External"), _("Not recorded") };
        guint n = 0, c = 0;

        for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
          n += shown (s, k);
        d = pathways_chart_data_new (PATHWAYS_CHART_HBARS, _("Young people by provision type"),
                                     _("young people"), 3, series, n);
        d->neutral_series = 1u << 2;   /* not recorded: grey, not green */
        for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
          {
            if (!shown (s, k))
              continue;
            pathways_chart_data_set_category (d, c, pathways_mix_kind_label (k));
            pathways_chart_data_set (d, 0, c, s->mix[k].in_house);
            pathways_chart_data_set (d, 1, c, s->mix[k].external);
            pathways_chart_data_set (d, 2, c, k == PATHWAYS_MIX_NONE ? s->mix[k].count
                                                                     : s->mix[k].provider_unknown);
            c++;
          }
        break;
      }
    case PATHWAYS_REPORT_CHART_LOCATION:
      {
        const char *series[] = { _("Young people") };
        const char *labels[] = {
          _("Inside the authority"), _("Outside the authority"), _("Location not recorded"),
          _("Within 20 miles of home"), _("More than 20 miles from home"), _("Distance not known"),
        };
        const int values[] = {
          s->all.in_authority, s->all.out_of_authority, s->all.location_unknown,
          s->all.near, s->all.far, s->all.distance_unknown,
        };

        d = pathways_chart_data_new (PATHWAYS_CHART_HBARS, _("Where young people live"), _("young people"),
                                     1, series, G_N_ELEMENTS (labels));
        for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
          {
            pathways_chart_data_set_category (d, i, labels[i]);
            pathways_chart_data_set (d, 0, i, values[i]);
          }
        break;
      }
    case PATHWAYS_REPORT_CHART_COST:
      {
        const char *series[] = { _("Average weekly cost (£)") };
        guint n = 0, c = 0;

        for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
          n += s->mix[k].n_costed > 0;
        d = pathways_chart_data_new (PATHWAYS_CHART_HBARS, _("Average weekly cost (£)"), _("pounds"),
                                     1, series, n);
        for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
          {
            if (s->mix[k].n_costed == 0)
              continue;
            pathways_chart_data_set_category (d, c, pathways_mix_kind_label (k));
            pathways_chart_data_set (d, 0, c, round (pathways_mix_figures_average_cost (&s->mix[k]) / 100.0));
            c++;
          }
        break;
      }
    case PATHWAYS_REPORT_CHART_CLIFF_EDGE:
      {
        const char *series[] = { _("Within 3 months"), _("Within 6 months"), _("Within 12 months") };

        d = pathways_chart_data_new (PATHWAYS_CHART_COLUMNS, _("Turning 18, by planned route"),
                                     _("young people"), 3, series, PATHWAYS_N_ROUTES);
        for (int r = 0; r < PATHWAYS_N_ROUTES; r++)
          {
            pathways_chart_data_set_category (d, r, pathways_route_label (r));
            for (int h = 0; h < PATHWAYS_CLIFF_N_HORIZONS; h++)
              pathways_chart_data_set (d, h, r, s->cliff_by_route[r][h]);
          }
        break;
      }
    case PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED:
    case PATHWAYS_REPORT_CHART_DEMAND_STAYING_PUT:
    case PATHWAYS_REPORT_CHART_DEMAND_STAYING_CLOSE:
    case PATHWAYS_REPORT_CHART_DEMAND_MOVE_ON:
      {
        int k = chart - PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED;
        /* Totals so far, month by month: the places free now (counted in the
         * first month) no longer dwarf what comes free later, and the gap
         * between the two is the shortfall (pathways_report_demand_explanation) */
        const char *series[] = { _("Needing a place, in all"), _("Places coming free, in all") };
        g_autofree char *title = NULL;
        int need = 0, come_free = 0;

        /* Translators: a chart title; %s is a pathway stage ("Move-on") */
        title = g_strdup_printf (_("%s: need and supply, running totals"),
                                 pathways_stage_label (pathways_forecast_stages[k]));
        d = pathways_chart_data_new (PATHWAYS_CHART_COLUMNS, title, _("places"), 2, series,
                                     PATHWAYS_SUFFICIENCY_MONTHS);
        pathways_chart_data_add_line (d, _("Running shortfall"));
        for (int m = 0; m < PATHWAYS_SUFFICIENCY_MONTHS; m++)
          {
            g_autofree char *label = pathways_month_short_label (s->months[m]);
            pathways_chart_data_set_category (d, m, label);
            need += s->demand[k][m];
            come_free += s->supply[k][m];
            pathways_chart_data_set (d, 0, m, need);
            pathways_chart_data_set (d, 1, m, come_free);
            d->line[m] = MAX (0, need - come_free);
          }
        break;
      }
    case PATHWAYS_REPORT_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
  return d;
}

/**
 * pathways_report_demand_explanation:
 *
 * What the need and supply charts show, for under them on the page and in
 * the report.
 *
 * Returns: (transfer none): a translated paragraph
 */
const char *
pathways_report_demand_explanation (void)
{
  return _("Each chart counts from today: by the end of each month, how many young people will have needed a "
           "place of that kind, and how many places will have come free (the first month includes the places "
           "free now). Where need runs ahead of the places coming free, the line shows the shortfall: places "
           "needed that nothing coming free covers.");
}

/* CSV -------------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
csv_value (const Cell *c)
{
  switch (c->kind)
    {
    case CELL_INT:
      return g_strdup_printf ("%.0f", c->value);
    case CELL_PERCENT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", c->value));
      }
    case CELL_MONEY:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", c->value / 100.0));
      }
    case CELL_TEXT:
    default:
      return g_strdup (c->text);
    }
}

static gboolean
write_csv (GPtrArray         *tables,
           PathwaysSafeFile  *file,
           GError           **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; t < tables->len; t++)
    {
      Table *table = g_ptr_array_index (tables, t);

      csv_field (out, table->title, TRUE);
      for (guint c = 0; c < table->n_cols; c++)
        csv_field (out, table->header[c], c + 1 == table->n_cols);
      for (guint r = 0; r < table->rows->len; r++)
        {
          Cell *row = g_ptr_array_index (table->rows, r);
          for (guint c = 0; c < table->n_cols; c++)
            {
              g_autofree char *v = csv_value (&row[c]);
              csv_field (out, v, c + 1 == table->n_cols);
            }
        }
      g_string_append (out, "\r\n");
    }

  return pathways_safe_file_write (file, out->str, out->len, error);
}

/* Excel ------------------------------------------------------------------ */

static gboolean
write_xlsx (GPtrArray         *tables,
            PathwaysSafeFile  *file,
            GError           **error)
{
  /* libxlsxwriter opens files by name: the temporary file made for it
   * (the commit checks it is still that file) */
  g_autofree char *path = g_filename_display_basename (pathways_safe_file_get_path (file));
  lxw_workbook *wb = workbook_new (pathways_safe_file_get_temp_path (file));
  lxw_format *bold, *title, *percent, *money, *total_bold;
  lxw_error rc;

  if (wb == NULL)
    {
      g_set_error (error, PATHWAYS_REPORT_ERROR, PATHWAYS_REPORT_ERROR_WRITE,
                   _("Could not create the workbook %s"), path);
      return FALSE;
    }
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  format_set_bottom (bold, LXW_BORDER_THIN);
  format_set_text_wrap (bold);
  total_bold = workbook_add_format (wb);
  format_set_bold (total_bold);
  title = workbook_add_format (wb);
  format_set_bold (title);
  format_set_font_size (title, 13);
  percent = workbook_add_format (wb);
  format_set_num_format (percent, "0%");
  money = workbook_add_format (wb);
  format_set_num_format (money, "£#,##0.00");

  for (guint t = 0; t < tables->len; t++)
    {
      Table *table = g_ptr_array_index (tables, t);
      lxw_worksheet *ws = workbook_add_worksheet (wb, table->sheet);

      if (ws == NULL)
        continue;
      worksheet_write_string (ws, 0, 0, table->title, title);
      worksheet_set_column (ws, 0, 0, 38, NULL);
      worksheet_set_column (ws, 1, (lxw_col_t) table->n_cols - 1, 16, NULL);
      for (guint c = 0; c < table->n_cols; c++)
        worksheet_write_string (ws, 2, (lxw_col_t) c, table->header[c], bold);
      for (guint r = 0; r < table->rows->len; r++)
        {
          Cell *row = g_ptr_array_index (table->rows, r);
          lxw_row_t y = (lxw_row_t) (3 + r);
          gboolean total = table->last_is_total && r + 1 == table->rows->len;

          for (guint c = 0; c < table->n_cols; c++)
            {
              lxw_col_t x = (lxw_col_t) c;
              switch (row[c].kind)
                {
                case CELL_INT:
                  worksheet_write_number (ws, y, x, row[c].value, NULL);
                  break;
                case CELL_PERCENT:
                  worksheet_write_number (ws, y, x, row[c].value / 100.0, percent);
                  break;
                case CELL_MONEY:
                  worksheet_write_number (ws, y, x, row[c].value / 100.0, money);
                  break;
                case CELL_TEXT:
                default:
                  worksheet_write_string (ws, y, x, row[c].text, total && c == 0 ? total_bold : NULL);
                  break;
                }
            }
        }
      worksheet_freeze_panes (ws, 3, 1);
    }

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, PATHWAYS_REPORT_ERROR, PATHWAYS_REPORT_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/* PDF -------------------------------------------------------------------- */

#define A4_WIDTH   595.276
#define A4_HEIGHT  841.890
#define MARGIN     56.0
#define CONTENT_W  (A4_WIDTH - 2 * MARGIN)
#define BOTTOM     (A4_HEIGHT - MARGIN - 18)
#define BODY_SIZE  10.0
#define CELL_PAD   4.0

typedef struct {
  cairo_surface_t           *surface;
  cairo_t                   *cr;
  double                     y;
  int                        page;
  const PathwaysSufficiency *s;
  char                      *footer;
  const char                *tag;      /* the structure tag of the next text ("P", "H1"), or NULL */
  gboolean                   with_commissioning;
  GPtrArray                 *pages;    /* for printing: a recording surface a page, no PDF */
} Pdf;

/* Structure tags, links and the outline are the PDF's: a printed page
 * has none (a recording surface replayed to a printer would refuse links
 * to destinations on other pages) */
static void
pdf_tag_begin (Pdf        *pdf,
               const char *tag,
               const char *attributes)
{
  if (pdf->pages == NULL)
    cairo_tag_begin (pdf->cr, tag, attributes);
}

static void
pdf_tag_end (Pdf        *pdf,
             const char *tag)
{
  if (pdf->pages == NULL)
    cairo_tag_end (pdf->cr, tag);
}

/* The next page of a printing: a fresh A4 recording surface */
static void
pdf_start_recorded_page (Pdf *pdf)
{
  cairo_rectangle_t extents = { 0, 0, A4_WIDTH, A4_HEIGHT };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_ptr_array_add (pdf->pages, page);
  pdf->cr = cairo_create (page);
}

static PangoLayout *
pdf_layout (Pdf        *pdf,
            const char *text,
            double      size,
            gboolean    bold,
            double      width,
            gboolean    markup)
{
  PangoLayout *layout = pathways_page_layout_new (pdf->cr, markup ? NULL : text, size, bold, width);

  if (markup)
    pango_layout_set_markup (layout, text, -1);
  return layout;
}

static void
pdf_footer (Pdf *pdf)
{
  /* Translators: the report's footer: the report's name, then "Page 3" */
  g_autofree char *text = g_strdup_printf (_("%s · Page %d"), pdf->footer, pdf->page);

  pathways_page_marking_draw_foot (pdf->cr, A4_WIDTH, A4_HEIGHT, MARGIN, text);
}

/* The marking at the head of every page too, centred */
static void
pdf_header (Pdf *pdf)
{
  pathways_page_marking_draw_head (pdf->cr, A4_WIDTH, MARGIN);
}

static void
pdf_new_page (Pdf *pdf)
{
  pdf_footer (pdf);
  if (pdf->pages != NULL)
    pdf_start_recorded_page (pdf);
  else
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN;
  pdf_header (pdf);
}

static void
pdf_need (Pdf    *pdf,
          double  height)
{
  if (pdf->y + height > BOTTOM && pdf->y > MARGIN + 1)
    pdf_new_page (pdf);
}

static double
pdf_text (Pdf        *pdf,
          const char *text,
          double      size,
          gboolean    bold,
          double      space_after,
          gboolean    markup)
{
  g_autoptr(PangoLayout) layout = pdf_layout (pdf, text, size, bold, CONTENT_W, markup);
  int w, h;

  const char *tag = g_steal_pointer (&pdf->tag);

  pango_layout_get_pixel_size (layout, &w, &h);
  pdf_need (pdf, h);
  /* Tagged PDF: a screen reader reads headings and paragraphs as such */
  pdf_tag_begin (pdf, tag ? tag : "P", "");
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  cairo_move_to (pdf->cr, MARGIN, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf_tag_end (pdf, tag ? tag : "P");
  pdf->y += h + space_after;
  return h;
}

/* The sections, for the contents list, the outline and their links */
static const char *const section_titles[] = {
  N_("1. Accommodation mix"),
  N_("2. Where young people live"),
  N_("3. Weekly costs"),
  N_("4. The 18th-birthday cliff edge"),
  N_("5. Demand against supply, next 24 months"),
  N_("6. Compliance"),
  N_("Commissioning"),
  N_("7. Notes on method"),
};

static int
section_index (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    if (g_strcmp0 (text, _(section_titles[i])) == 0)
      return (int) i;
  return -1;
}

static void
pdf_heading (Pdf        *pdf,
             const char *text)
{
  int index = section_index (text);

  pdf_need (pdf, 120);  /* never a heading alone at the foot of a page */
  pdf->y += 6;
  if (index >= 0)
    {
      /* A destination the contents list links to, and an outline entry */
      g_autofree char *dest = g_strdup_printf ("name='section-%d' x=0 y=%f", index, pdf->y);
      g_autofree char *link = g_strdup_printf ("dest='section-%d'", index);

      pdf_tag_begin (pdf, CAIRO_TAG_DEST, dest);
      pdf_tag_end (pdf, CAIRO_TAG_DEST);
      if (pdf->pages == NULL)
        cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, text, link, 0);
    }
  pdf->tag = "H1";
  pdf_text (pdf, text, 15, TRUE, 8, FALSE);
}

static void
pdf_paragraph (Pdf        *pdf,
               const char *text)
{
  pdf_text (pdf, text, BODY_SIZE, FALSE, 6, FALSE);
}

/* Contents: each section, a link to it */
static void
pdf_contents (Pdf      *pdf,
              gboolean  with_commissioning)
{
  pdf->tag = "H1";
  pdf_text (pdf, _("Contents"), 15, TRUE, 8, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    {
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", i);
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (!with_commissioning && g_str_equal (section_titles[i], "Commissioning"))
        continue;
      layout = pdf_layout (pdf, _(section_titles[i]), BODY_SIZE + 1, FALSE, CONTENT_W, FALSE);
      pango_layout_get_pixel_size (layout, &w, &h);
      pdf_need (pdf, h);
      pdf_tag_begin (pdf, CAIRO_TAG_LINK, link);
      cairo_set_source_rgb (pdf->cr, 0.10, 0.37, 0.71);
      cairo_move_to (pdf->cr, MARGIN + 12, pdf->y);
      pango_cairo_show_layout (pdf->cr, layout);
      pdf_tag_end (pdf, CAIRO_TAG_LINK);
      pdf->y += h + 4;
    }
  pdf->y += 16;
}

static void
pdf_bullet (Pdf        *pdf,
            const char *text)
{
  g_autofree char *line = g_strconcat ("•  ", text, NULL);
  pdf_text (pdf, line, BODY_SIZE + 1, FALSE, 5, FALSE);
}

static void
pdf_chart (Pdf                     *pdf,
           const PathwaysChartData *data)
{
  double h = pathways_chart_preferred_height (data, CONTENT_W);

  pdf_need (pdf, h + 10);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, MARGIN, pdf->y);
  pathways_chart_draw (pdf->cr, data, CONTENT_W, h, NULL, FONT_FAMILY);
  cairo_restore (pdf->cr);
  pdf->y += h + 14;
}

static double
table_font_size (Table *t)
{
  return t->n_cols > 6 ? BODY_SIZE - 1.5 : BODY_SIZE - 0.5;
}

/* Lays out one row; returns its height.  @layouts gets n_cols layouts. */
static double
pdf_row_layouts (Pdf               *pdf,
                 Table             *t,
                 const char *const *texts,
                 const Cell        *cells,
                 const double      *widths,
                 gboolean           header,
                 gboolean           bold,
                 PangoLayout      **layouts)
{
  double row_h = 0;

  for (guint c = 0; c < t->n_cols; c++)
    {
      int w, h;
      gboolean numeric = header ? c > 0 && cells != NULL && cells[c].kind != CELL_TEXT
                                : cells[c].kind != CELL_TEXT;

      layouts[c] = pdf_layout (pdf, texts[c], table_font_size (t), header || bold,
                               widths[c] - 2 * CELL_PAD, FALSE);
      if (numeric)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layouts[c], &w, &h);
      row_h = MAX (row_h, h + 2 * CELL_PAD);
    }
  return row_h;
}

static void
pdf_table_row (Pdf               *pdf,
               Table             *t,
               const char *const *texts,
               const Cell        *cells,
               const double      *widths,
               gboolean           header,
               gboolean           bold,
               gboolean           shade)
{
  PangoLayout *layouts[16] = { NULL };
  double row_h, x = MARGIN;

  g_assert (t->n_cols <= G_N_ELEMENTS (layouts));
  row_h = pdf_row_layouts (pdf, t, texts, cells, widths, header, bold, layouts);

  if (header || shade)
    {
      if (header)
        cairo_set_source_rgb (pdf->cr, 0.87, 0.90, 0.95);
      else
        cairo_set_source_rgb (pdf->cr, 0.965, 0.965, 0.965);
      cairo_rectangle (pdf->cr, MARGIN, pdf->y, CONTENT_W, row_h);
      cairo_fill (pdf->cr);
    }
  if (bold && !header)
    {
      cairo_set_source_rgb (pdf->cr, 0.3, 0.3, 0.3);
      cairo_set_line_width (pdf->cr, 0.8);
      cairo_move_to (pdf->cr, MARGIN, pdf->y);
      cairo_line_to (pdf->cr, MARGIN + CONTENT_W, pdf->y);
      cairo_stroke (pdf->cr);
    }
  for (guint c = 0; c < t->n_cols; c++)
    {
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      cairo_move_to (pdf->cr, x + CELL_PAD, pdf->y + CELL_PAD);
      pango_cairo_show_layout (pdf->cr, layouts[c]);
      x += widths[c];
      g_object_unref (layouts[c]);
    }
  pdf->y += row_h;
}

static double
row_height (Pdf               *pdf,
            Table             *t,
            const char *const *texts,
            const Cell        *cells,
            const double      *widths,
            gboolean           header,
            gboolean           bold)
{
  PangoLayout *layouts[16] = { NULL };
  double h = pdf_row_layouts (pdf, t, texts, cells, widths, header, bold, layouts);

  for (guint c = 0; c < t->n_cols; c++)
    g_object_unref (layouts[c]);
  return h;
}

static int
compare_doubles_by_pointer (gconstpointer a,
                            gconstpointer b)
{
  double x = **(double * const *) a, y = **(double * const *) b;
  return x < y ? -1 : x > y;
}

/* Column widths: numbers take what their figures need (their headers wrap
 * at a cap); the text columns share the rest, the narrow ones whole and
 * the wide ones equally ("water filling") */
static void
table_widths (Pdf    *pdf,
              Table  *t,
              double *widths)
{
  double cap = t->n_cols > 6 ? 44 : 64;
  double numeric_total = 0, avail;
  gboolean text[16] = { FALSE };
  double desired[16] = { 0 };
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint n_text = 0;

  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autoptr(PangoLayout) head = pdf_layout (pdf, t->header[c], table_font_size (t), TRUE, -1, FALSE);
      double cells_w = 0;
      int w, h;

      text[c] = c == 0;
      for (guint r = 0; r < t->rows->len; r++)
        {
          Cell *row = g_ptr_array_index (t->rows, r);
          g_autoptr(PangoLayout) l = pdf_layout (pdf, row[c].text, table_font_size (t), TRUE, -1, FALSE);
          pango_layout_get_pixel_size (l, &w, &h);
          cells_w = MAX (cells_w, w);
          text[c] = text[c] || row[c].kind == CELL_TEXT;
        }
      pango_layout_get_pixel_size (head, &w, &h);
      if (text[c])
        {
          desired[c] = MAX (cells_w, w) + 2 * CELL_PAD + 1;
          g_ptr_array_add (order, &desired[c]);
          n_text++;
        }
      else
        {
          widths[c] = MAX (cells_w, MIN (w, cap)) + 2 * CELL_PAD + 1;
          numeric_total += widths[c];
        }
    }

  avail = CONTENT_W - numeric_total;
  g_ptr_array_sort (order, compare_doubles_by_pointer);
  for (guint i = 0; i < order->len; i++)
    {
      double *want = g_ptr_array_index (order, i);
      double share = avail / (order->len - i);
      guint c = (guint) (want - desired);

      widths[c] = MIN (*want, share);
      avail -= widths[c];
    }
  /* What is left goes to the first column */
  if (avail > 0 && n_text > 0)
    widths[0] += avail;
}

static void
pdf_table (Pdf   *pdf,
           Table *t)
{
  double widths[16] = { 0 };
  double head_h;

  g_assert (t->n_cols <= G_N_ELEMENTS (widths));
  table_widths (pdf, t, widths);

  head_h = row_height (pdf, t, (const char * const *) t->header, NULL, widths, TRUE, TRUE);
  pdf_need (pdf, 40 + head_h);
  pdf_text (pdf, t->title, BODY_SIZE + 1.5, TRUE, 4, FALSE);
  pdf_table_row (pdf, t, (const char * const *) t->header,
                 t->rows->len ? g_ptr_array_index (t->rows, 0) : NULL, widths, TRUE, TRUE, FALSE);
  for (guint r = 0; r < t->rows->len; r++)
    {
      Cell *row = g_ptr_array_index (t->rows, r);
      const char *texts[16];
      gboolean total_row = t->last_is_total && r + 1 == t->rows->len;
      double h;

      for (guint c = 0; c < t->n_cols; c++)
        texts[c] = row[c].text;
      h = row_height (pdf, t, texts, row, widths, FALSE, total_row);
      if (pdf->y + h > BOTTOM)
        {
          /* Translators: a table's title on the page it continues on */
          g_autofree char *continued = g_strdup_printf (_("%s (continued)"), t->title);

          pdf_new_page (pdf);
          pdf_text (pdf, continued, BODY_SIZE + 1.5, TRUE, 4, FALSE);
          pdf_table_row (pdf, t, (const char * const *) t->header, row, widths, TRUE, TRUE, FALSE);
        }
      pdf_table_row (pdf, t, texts, row, widths, FALSE, total_row, r % 2 == 1);
    }
  pdf->y += 12;
}

static void
pdf_title_page (Pdf *pdf)
{
  const PathwaysSufficiency *s = pdf->s;
  g_autofree char *uk = pathways_date_format_uk (s->date);
  g_autofree char *line = NULL;
  const char *authority = s->authority_name ? s->authority_name : _("Authority name not set");
  int known_location = s->all.in_authority + s->all.out_of_authority;
  int known_distance = s->all.far + s->all.near;
  int n_gaps = 0;

  cairo_set_source_rgb (pdf->cr, 0.21, 0.52, 0.89);
  cairo_rectangle (pdf->cr, 0, 0, A4_WIDTH, 14);
  cairo_fill (pdf->cr);

  pdf_header (pdf);
  pdf->y = MARGIN + 24;
  pdf_text (pdf, authority, 13, FALSE, 6, FALSE);
  pdf->tag = "H";
  pdf_text (pdf, _("Accommodation Sufficiency and Transitions for Care Leavers"), 20, TRUE, 8, FALSE);
  pdf_text (pdf, _("Report to committee"), 12, FALSE, 2, FALSE);
  /* Translators: %s is a date, 22/11/2026 */
  line = g_strdup_printf (_("Figures as at %s"), uk);
  pdf_text (pdf, line, 12, FALSE, 24, FALSE);

  pdf_contents (pdf, pdf->with_commissioning);

  pdf->tag = "H1";
  pdf_text (pdf, _("At a glance"), 15, TRUE, 10, FALSE);

  g_free (line);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d young person aged under 25 is open to the service.",
                                       "%d young people aged under 25 are open to the service.", s->n_people),
                          s->n_people);
  pdf_bullet (pdf, line);

  g_free (line);
  line = g_strdup_printf (_("%.0f%% live inside the authority (of the %d whose location is recorded); "
                            "%.0f%% live more than 20 miles from home (of the %d whose distance is known)."),
                          pathways_sufficiency_percent (s->all.in_authority, known_location), known_location,
                          pathways_sufficiency_percent (s->all.far, known_distance), known_distance);
  pdf_bullet (pdf, line);

  {
    g_autofree char *avg = pathways_money_format ((gint64) round (pathways_mix_figures_average_cost (&s->all) / 100.0) * 100);
    g_autofree char *sum = pathways_money_format (s->all.total_cost);
    g_free (line);
    line = g_strdup_printf (_("Accommodation costs %s a week in all, %s a week on average."), sum, avg);
    pdf_bullet (pdf, line);
  }

  g_free (line);
  line = g_strdup_printf (_("Turning 18: %d in the next 3 months, %d in 6 months and %d in 12 months; "
                            "%d of them have no route planned yet."),
                          s->cliff_total[0], s->cliff_total[1], s->cliff_total[2],
                          s->cliff_by_route[PATHWAYS_ROUTE_NONE][2]);
  pdf_bullet (pdf, line);

  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      g_autofree char *gap = pathways_gap_describe (&s->gaps[k]);
      if (gap != NULL)
        {
          pdf_bullet (pdf, gap);
          n_gaps++;
        }
    }
  if (n_gaps == 0)
    pdf_bullet (pdf, _("No shortfall of places is forecast over the next 24 months."));

  for (int l = 0; l < PATHWAYS_N_COMPLIANCE; l++)
    {
      g_free (line);
      /* Translators: a compliance list and how many are on it: "Pathway plan reviews overdue: 12" */
      line = g_strdup_printf (_("%s: %u"), pathways_compliance_label (l), s->compliance[l]->len);
      pdf_bullet (pdf, line);
    }

  pdf_new_page (pdf);
}

static void
pdf_method (Pdf *pdf)
{
  pdf_heading (pdf, _("7. Notes on method"));
  pdf_paragraph (pdf, _("Who is counted: every young person on the leaving-care caseload aged under 25 on the "
                        "date of the report, whether still looked after, a care leaver, or not yet eligible."));
  pdf_paragraph (pdf, _("Provision type: from the unit in the housing register (council, housing association, "
                        "private rented, supported accommodation, supported lodgings and foyers, Staying Put, "
                        "Staying Close, emergency accommodation and bed and breakfast), or, for a placement "
                        "outside the register, from the SSDA903 placement type (PLACE: U1–U3 kinship fostering, "
                        "U4–U6 fostering, K1, K2 and R1 residential, K3 and H5 supported) and accommodation type "
                        "(ACCOM). In-house means provided by the authority itself: the unit's provider type is "
                        "“own local authority”, or the 903 placement provider is PR1; anything else is external."));
  pdf_paragraph (pdf, _("Location and distance: only units of the register have an area and a postcode, so the "
                        "location of a placement outside the register is counted as not recorded. Distance from "
                        "home is measured between areas (centre to centre): the young person's home postcode "
                        "district is looked up in the table of postcode districts, and the distance between that "
                        "area and the unit's area in the table of area distances. Where either is missing the "
                        "distance is counted as not known, never guessed. Percentages of location and distance "
                        "are of the young people for whom they are known."));
  pdf_paragraph (pdf, _("Weekly cost: the cost recorded on the young person's current accommodation, or the "
                        "unit's weekly cost when none is recorded there. Places without a cost are left out of "
                        "the average."));
  pdf_paragraph (pdf, _("The cliff edge: young people under 18 whose 18th birthday falls within 3, 6 or 12 months "
                        "(each column includes the shorter ones). The planned route is the accommodation booked or "
                        "continuing from the birthday, or the destination of a move scheduled by then; “none yet” "
                        "means nothing is booked."));
  pdf_paragraph (pdf, _("Need: a young person needs a place in the month their accommodation ends (a placement at "
                        "18, Staying Put at 21, any planned end date), or now if they have none or are in emergency "
                        "accommodation or bed and breakfast, unless their next place is already booked. The stage "
                        "needed follows the usual pathway: under 18, supported accommodation; from foster care, "
                        "Staying Put; from a children's home, Staying Close; otherwise a tenancy (move-on) if the "
                        "young person's readiness milestones reach the authority's threshold, or supported "
                        "accommodation if not. Young people turning 25 leave the forecast."));
  pdf_paragraph (pdf, _("Supply: each unit of the register counts once, in the month it first comes free (now, when "
                        "a void or the current letting ends). A unit already booked for someone from that day is "
                        "not counted. Re-lets after a new letting, and new units not yet on the register, are not "
                        "forecast. The shortfall is the running total of need less supply; the largest shortfall "
                        "over the 24 months is the number of places to commission, by the month it is reached."));
  pdf_paragraph (pdf, _("Compliance lists are the alerts of the rules engine: pathway plan reviews more than six "
                        "months old (or not after a move), personal adviser contact later than the local interval, "
                        "bed and breakfast or emergency accommodation (at most two working days), 16–17-year-olds "
                        "in supported accommodation not registered with Ofsted, and Staying Put ending within six "
                        "months with no move planned."));
}

typedef struct {
  PathwaysSafeFile *file;
  GError           *error;
} Sink;

/* cairo writes the PDF through the safe file's descriptor */
static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!pathways_safe_file_write (sink->file, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The report's pages, on pdf->cr (a PDF surface, or recording surfaces
 * when printing) */
static void
pdf_document (Pdf                         *pdf,
              const PathwaysSufficiency   *s,
              const PathwaysCommissioning *commissioning,
              GPtrArray                   *tables)
{
  int known_location = s->all.in_authority + s->all.out_of_authority;
  int known_distance = s->all.far + s->all.near;
  g_autofree char *uk = pathways_date_format_uk (s->date);

  pdf->page = 1;
  pdf->y = MARGIN;
  pdf->s = s;
  pdf->with_commissioning = commissioning != NULL;
  /* Translators: the report's footer: authority, report, date */
  pdf->footer = g_strdup_printf (_("%s · Accommodation sufficiency · %s"),
                                s->authority_name ? s->authority_name : _("Pathways"), uk);

  pdf_title_page (pdf);

  /* 1. Mix */
  pdf_heading (pdf, _("1. Accommodation mix"));
  pdf_paragraph (pdf, _("Where the young people open to the service live today, by type of provision, and "
                         "how much of it the authority provides itself."));
  pdf_table (pdf, g_ptr_array_index (tables, T_MIX));
  {
    g_autoptr(PathwaysChartData) chart = pathways_report_chart (s, PATHWAYS_REPORT_CHART_MIX);
    pdf_chart (pdf, chart);
  }
  pdf_table (pdf, g_ptr_array_index (tables, T_PROVIDER));

  /* 2. Location */
  pdf_heading (pdf, _("2. Where young people live"));
  {
    g_autofree char *text = g_strdup_printf (
      _("%.0f%% live inside the authority and %.0f%% more than 20 miles from home. Location is recorded for "
        "%d of %d young people with accommodation and distance from home is known for %d."),
      pathways_sufficiency_percent (s->all.in_authority, known_location),
      pathways_sufficiency_percent (s->all.far, known_distance),
      known_location, s->all.count, known_distance);
    pdf_paragraph (pdf, text);
  }
  {
    g_autoptr(PathwaysChartData) chart = pathways_report_chart (s, PATHWAYS_REPORT_CHART_LOCATION);
    pdf_chart (pdf, chart);
  }
  pdf_table (pdf, g_ptr_array_index (tables, T_LOCATION));

  /* 3. Cost */
  pdf_heading (pdf, _("3. Weekly costs"));
  pdf_table (pdf, g_ptr_array_index (tables, T_COST));
  {
    g_autoptr(PathwaysChartData) chart = pathways_report_chart (s, PATHWAYS_REPORT_CHART_COST);
    pdf_chart (pdf, chart);
  }

  /* 4. Cliff edge */
  pdf_heading (pdf, _("4. The 18th-birthday cliff edge"));
  pdf_paragraph (pdf, _("Young people turning 18 soon, by the route planned from their birthday and by where "
                         "they live now. Those with no route yet need a decision first."));
  {
    g_autoptr(PathwaysChartData) chart = pathways_report_chart (s, PATHWAYS_REPORT_CHART_CLIFF_EDGE);
    pdf_chart (pdf, chart);
  }
  pdf_table (pdf, g_ptr_array_index (tables, T_CLIFF_ROUTE));
  pdf_table (pdf, g_ptr_array_index (tables, T_CLIFF_NOW));

  /* 5. Demand and supply */
  pdf_heading (pdf, _("5. Demand against supply, next 24 months"));
  {
    int n_gaps = 0;
    for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
      {
        g_autofree char *gap = pathways_gap_describe (&s->gaps[k]);
        if (gap != NULL)
          {
            pdf_bullet (pdf, gap);
            n_gaps++;
          }
      }
    if (n_gaps == 0)
      pdf_paragraph (pdf, _("No shortfall of places is forecast over the next 24 months."));
    pdf->y += 4;
  }
  pdf_table (pdf, g_ptr_array_index (tables, T_GAPS));
  pdf_paragraph (pdf, pathways_report_demand_explanation ());
  for (int c = PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED; c <= PATHWAYS_REPORT_CHART_DEMAND_MOVE_ON; c++)
    {
      g_autoptr(PathwaysChartData) chart = pathways_report_chart (s, c);
      pdf_chart (pdf, chart);
    }
  pdf_table (pdf, g_ptr_array_index (tables, T_DEMAND));

  /* 6. Compliance */
  pdf_heading (pdf, _("6. Compliance"));
  pdf->y += 6;
  pdf_paragraph (pdf, _("Committee papers may be published, so this report gives numbers only. The names on "
                         "each list are on the Sufficiency page of Pathways and in the CSV and Excel versions "
                         "of this report, which are for internal use."));
  {
    g_autoptr(Table) counts = table_compliance_counts (s);
    pdf_table (pdf, counts);
  }

  /* Commissioning: the budget, the mix's weekly costs, I statements */
  if (commissioning != NULL)
    {
      pdf_heading (pdf, _("Commissioning"));
      pdf_paragraph (pdf, _("What placements cost by kind, the placements budget with its forecast to the year "
                             "end and the variance split into volume (more or fewer placement-weeks than "
                             "budgeted), unit cost (a different average weekly cost) and income, and how young "
                             "people placed with each provider score against the I statements."));
      for (guint i = N_TABLES; i < tables->len; i++)
        pdf_table (pdf, g_ptr_array_index (tables, i));
      {
        const PathwaysBudgetRow *total = commissioning->budget->total;
        g_auto(GStrv) lines = g_strsplit (total->working, "\n", -1);

        pdf_paragraph (pdf, _("How the total variance is made up:"));
        for (guint i = 0; lines[i] != NULL; i++)
          pdf_paragraph (pdf, lines[i]);
      }
    }

  /* 7. Method */
  pdf_method (pdf);

  pdf_footer (pdf);
}

static gboolean
write_pdf (const PathwaysSufficiency   *s,
           const PathwaysCommissioning *commissioning,
           GPtrArray                   *tables,
           PathwaysSafeFile            *file,
           GError                     **error)
{
  g_autofree char *path = g_filename_display_basename (pathways_safe_file_get_path (file));
  Sink sink = { file, NULL };
  Pdf pdf = { 0 };
  cairo_status_t status;
  g_autofree char *uk = pathways_date_format_uk (s->date);

  pdf.surface = cairo_pdf_surface_create_for_stream (sink_write_cb, &sink, A4_WIDTH, A4_HEIGHT);
  status = cairo_surface_status (pdf.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (pdf.surface);
      g_set_error (error, PATHWAYS_REPORT_ERROR, PATHWAYS_REPORT_ERROR_WRITE,
                   _("Could not create %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  {
    g_autofree char *title = g_strdup_printf (_("Accommodation sufficiency, %s"), uk);
    cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Pathways " PACKAGE_VERSION);
    if (s->authority_name)
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, s->authority_name);
  }
  pdf.cr = cairo_create (pdf.surface);
  pdf_document (&pdf, s, commissioning, tables);
  cairo_show_page (pdf.cr);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  g_free (pdf.footer);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PATHWAYS_REPORT_ERROR, PATHWAYS_REPORT_ERROR_WRITE,
                   _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Printing: the same pages as the PDF, each an A4 recording surface */
static GPtrArray *
render_pages (const PathwaysSufficiency   *s,
              const PathwaysCommissioning *commissioning)
{
  g_autoptr(GPtrArray) tables = build_tables (s);
  Pdf pdf = { 0 };

  if (commissioning != NULL)
    add_commissioning_tables (tables, commissioning);
  pdf.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  pdf_start_recorded_page (&pdf);
  pdf_document (&pdf, s, commissioning, tables);
  g_clear_pointer (&pdf.cr, cairo_destroy);
  g_free (pdf.footer);
  return pdf.pages;
}

/* Public API ------------------------------------------------------------- */

gboolean
pathways_report_format_from_string (const char           *text,
                                    PathwaysReportFormat *out_format)
{
  if (g_strcmp0 (text, "pdf") == 0)
    *out_format = PATHWAYS_REPORT_PDF;
  else if (g_strcmp0 (text, "csv") == 0)
    *out_format = PATHWAYS_REPORT_CSV;
  else if (g_strcmp0 (text, "xlsx") == 0)
    *out_format = PATHWAYS_REPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

const char *
pathways_report_format_extension (PathwaysReportFormat format)
{
  switch (format)
    {
    case PATHWAYS_REPORT_CSV:
      return "csv";
    case PATHWAYS_REPORT_XLSX:
      return "xlsx";
    case PATHWAYS_REPORT_PDF:
    default:
      return "pdf";
    }
}

/**
 * pathways_report_write:
 *
 * Writes the report to @path (replacing it) through a private temporary
 * file (pathways-file.h): a symbolic link at @path is refused, and a
 * failure leaves @path as it was and nothing beside it.  Safe to call
 * from a worker thread.
 */
gboolean
pathways_report_write (const PathwaysSufficiency *s,
                       PathwaysReportFormat       format,
                       const char                *path,
                       GError                   **error)
{
  return pathways_report_write_with_commissioning (s, NULL, format, path, error);
}

/**
 * pathways_report_write_with_commissioning:
 * @commissioning: (nullable): adds the commissioning section (budget,
 *   placement costs, I statements, referrals)
 */
gboolean
pathways_report_write_with_commissioning (const PathwaysSufficiency   *s,
                                          const PathwaysCommissioning *commissioning,
                                          PathwaysReportFormat         format,
                                          const char                  *path,
                                          GError                     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(PathwaysSafeFile) file = NULL;
  gboolean ok;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The CSV and workbook name young people: private to the user (0600)
   * from the first byte, like the database */
  if ((file = pathways_safe_file_new (path, error)) == NULL)
    return FALSE;
  tables = build_tables (s);
  if (commissioning != NULL)
    add_commissioning_tables (tables, commissioning);
  switch (format)
    {
    case PATHWAYS_REPORT_CSV:
      ok = write_csv (tables, file, error);
      break;
    case PATHWAYS_REPORT_XLSX:
      ok = write_xlsx (tables, file, error);
      break;
    case PATHWAYS_REPORT_PDF:
    default:
      ok = write_pdf (s, commissioning, tables, file, error);
      break;
    }
  return ok && pathways_safe_file_commit (file, error);
}

typedef struct {
  char                 *date;
  char                 *path;
  PathwaysReportFormat  format;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_free (d->date);
  g_free (d->path);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  g_autoptr(PathwaysSufficiency) s = NULL;
  g_autoptr(PathwaysCommissioning) c = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  s = pathways_sufficiency_compute (source_object, d->date, &error);
  if (s == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  c = pathways_commissioning_compute (source_object, d->date, &error);
  if (c == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!pathways_report_write_with_commissioning (s, c, d->format, d->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
pathways_report_export_async (PathwaysStore         *store,
                              const char            *date,
                              PathwaysReportFormat   format,
                              const char            *path,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (date != NULL && path != NULL);

  d = g_new0 (ExportData, 1);
  d->date = g_strdup (date);
  d->path = g_strdup (path);
  d->format = format;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_report_export_async);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pathways_report_export_finish (PathwaysStore  *store,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pathways_report_render_pages:
 * @commissioning: (nullable): the commissioning part, or %NULL
 *
 * The committee report's pages for printing, as the PDF draws them:
 * each an A4 (595 × 842 points) cairo recording surface, without the
 * PDF's tags and links.  pathways_print_page_draw() draws one.
 *
 * Returns: (transfer full) (element-type cairo_surface_t): the pages
 */
GPtrArray *
pathways_report_render_pages (const PathwaysSufficiency   *sufficiency,
                              const PathwaysCommissioning *commissioning)
{
  g_return_val_if_fail (sufficiency != NULL, NULL);

  return render_pages (sufficiency, commissioning);
}

static void
pages_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *date = task_data;
  g_autoptr(PathwaysSufficiency) s = NULL;
  g_autoptr(PathwaysCommissioning) c = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((s = pathways_sufficiency_compute (source_object, date, &error)) == NULL ||
      (c = pathways_commissioning_compute (source_object, date, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, render_pages (s, c), (GDestroyNotify) g_ptr_array_unref);
}

/* The report as of @date (the figures and the commissioning part, as
 * Export Report… writes them), laid out for printing in a worker thread */
void
pathways_report_pages_async (PathwaysStore       *store,
                             const char          *date,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (date != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_report_pages_async);
  g_task_set_task_data (task, g_strdup (date), g_free);
  g_task_run_in_thread (task, pages_thread);
}

/* Returns: (transfer full) (element-type cairo_surface_t): the pages */
GPtrArray *
pathways_report_pages_finish (PathwaysStore  *store,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
