/* pathways-sufficiency-view.c — the Sufficiency page
 *
 * Asks the core for the figures in a worker thread when the page is
 * first shown (and again after set_store), then fills the template: the
 * figures at a glance, the charts (PathwaysChart, drawn by the report's
 * drawing code), the lists, and the compliance lists whose rows open the
 * young person (win.open-person).  "Export Report…" writes the committee
 * report in a worker thread and says so with a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sufficiency-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-chart.h"
#include "pathways-file-toast.h"
#include "pathways-i-statement-section.h"
#include "pathways-keyboard.h"
#include "pathways-page.h"
#include "pathways-print.h"
#include "pathways-sufficiency-view.h"
#include "pathways-widgets.h"
#include "pathways-wrap-box.h"
#include "pathways-sufficiency-view-private.h"

/* Rows per compliance list on the page; the report has them all */
#define MAX_COMPLIANCE_ROWS 150

struct _PathwaysSufficiencyView
{
  GtkWidget parent_instance;

  PathwaysContext      *context;
  PathwaysStore        *store;      /* the context's, once loaded */
  char                 *today;
  GCancellable         *cancellable;
  PathwaysSufficiency  *sufficiency;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *subtitle_label;
  GtkFlowBox      *figures_box;
  PathwaysChart   *mix_chart;
  GtkListBox      *mix_list;
  GtkLabel        *location_label;
  PathwaysChart   *location_chart;
  PathwaysChart   *cost_chart;
  GtkListBox      *cost_list;
  GtkLabel        *cliff_label;
  PathwaysChart   *cliff_chart;
  GtkListBox      *cliff_list;
  GtkListBox      *gap_list;
  PathwaysChart   *demand_chart_0;
  GtkLabel        *demand_explanation;
  PathwaysChart   *demand_chart_1;
  PathwaysChart   *demand_chart_2;
  PathwaysChart   *demand_chart_3;
  GtkListBox      *compliance_list;
  PathwaysIStatementSection *i_statement_section;
};

static void pathways_sufficiency_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysSufficiencyView, pathways_sufficiency_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_sufficiency_view_page_init))

enum {
  REPORT_EXPORTED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static guint signals[N_SIGNALS];

/* Helpers */

/* An average to the nearest pound: pence in an average are noise */
static gint64
whole_pounds (gint64 pence)
{
  return (pence >= 0 ? (pence + 50) / 100 : (pence - 50) / 100) * 100;
}

static void
show_toast (PathwaysSufficiencyView *self,
            const char              *text)
{
  pathways_context_show_message (self->context, text);
}

static void
add_figure (PathwaysSufficiencyView *self,
            const char              *value,
            const char              *caption)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *text = gtk_label_new (caption);
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "sufficiency-figure");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 12);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_set_margin_top (number, 12);
  gtk_widget_set_margin_start (number, 12);
  gtk_widget_set_margin_end (number, 12);
  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_margin_bottom (text, 12);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), text);
  gtk_flow_box_append (self->figures_box, card);
  /* Read, not visited: no Tab stop; named by the figure and what it counts */
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
  /* Translators: a figure's card, for screen readers: what it counts, then the figure: "Care leavers: 60" */
  name = g_strdup_printf (_("%s: %s"), caption, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
fill_figures (PathwaysSufficiencyView   *self,
              const PathwaysSufficiency *s)
{
  GtkWidget *child;
  int known_location = s->all.in_authority + s->all.out_of_authority;
  int known_distance = s->all.far + s->all.near;
  int shortfall = 0;
  g_autofree char *value = NULL;
  g_autofree char *caption = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  value = g_strdup_printf ("%d", s->n_people);
  add_figure (self, value,
              g_dngettext (GETTEXT_PACKAGE, "young person under 25", "young people under 25", s->n_people));

  g_free (value);
  value = g_strdup_printf ("%.0f%%", pathways_sufficiency_percent (s->all.in_authority, known_location));
  caption = g_strdup_printf (_("inside the authority (of %d recorded)"), known_location);
  add_figure (self, value, caption);

  g_free (value);
  g_free (caption);
  value = g_strdup_printf ("%.0f%%", pathways_sufficiency_percent (s->all.far, known_distance));
  caption = g_strdup_printf (_("more than 20 miles from home (of %d known)"), known_distance);
  add_figure (self, value, caption);

  g_free (value);
  g_free (caption);
  {
    g_autofree char *average = pathways_money_format (whole_pounds (pathways_mix_figures_average_cost (&s->all)));
    value = pathways_money_format (s->all.total_cost);
    caption = g_strdup_printf (_("a week in all, %s on average"), average);
    add_figure (self, value, caption);
  }

  g_free (value);
  g_free (caption);
  value = g_strdup_printf ("%d", s->cliff_total[1]);
  caption = g_strdup_printf (_("turning 18 within 6 months, %d with no route yet"),
                             s->cliff_by_route[PATHWAYS_ROUTE_NONE][1]);
  add_figure (self, value, caption);

  g_free (value);
  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    shortfall += s->gaps[k].shortfall;
  value = g_strdup_printf ("%d", shortfall);
  add_figure (self, value, g_dngettext (GETTEXT_PACKAGE, "place short over the next 24 months",
                                        "places short over the next 24 months", shortfall));
}

static void
set_chart (PathwaysChart             *chart,
           const PathwaysSufficiency *s,
           PathwaysReportChart        which)
{
  g_autoptr(PathwaysChartData) data = pathways_report_chart (s, which);
  pathways_chart_set_data (chart, data);
}

static void
fill_mix (PathwaysSufficiencyView   *self,
          const PathwaysSufficiency *s)
{
  pathways_list_box_clear (self->mix_list);
  set_chart (self->mix_chart, s, PATHWAYS_REPORT_CHART_MIX);
  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      const PathwaysMixFigures *f = &s->mix[k];
      g_autofree char *subtitle = NULL;
      g_autofree char *value = NULL;

      if (f->count == 0)
        continue;
      if (k != PATHWAYS_MIX_NONE)
        subtitle = f->provider_unknown > 0
                   ? g_strdup_printf (_("%d in-house, %d external, %d not recorded"), f->in_house, f->external,
                                      f->provider_unknown)
                   : g_strdup_printf (_("%d in-house, %d external"), f->in_house, f->external);
      /* Translators: a number of young people and their share: "12 · 20%" */
      value = g_strdup_printf (_("%d · %.0f%%"), f->count, pathways_sufficiency_percent (f->count, s->n_people));
      pathways_list_box_add_row (self->mix_list, pathways_mix_kind_label (k), subtitle, value);
    }
}

static void
fill_location_and_cost (PathwaysSufficiencyView   *self,
                        const PathwaysSufficiency *s)
{
  int known_location = s->all.in_authority + s->all.out_of_authority;
  int known_distance = s->all.far + s->all.near;
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("%.0f%% live inside the authority and %.0f%% more than 20 miles from home. "
                            "Location is recorded for %d of the %d young people with accommodation (placements "
                            "outside the housing register have no address here), and distance from home is "
                            "known for %d."),
                          pathways_sufficiency_percent (s->all.in_authority, known_location),
                          pathways_sufficiency_percent (s->all.far, known_distance),
                          known_location, s->all.count, known_distance);
  gtk_label_set_text (self->location_label, text);
  set_chart (self->location_chart, s, PATHWAYS_REPORT_CHART_LOCATION);

  pathways_list_box_clear (self->cost_list);
  set_chart (self->cost_chart, s, PATHWAYS_REPORT_CHART_COST);
  for (int k = 0; k <= PATHWAYS_N_MIX_KINDS; k++)
    {
      const PathwaysMixFigures *f = k < PATHWAYS_N_MIX_KINDS ? &s->mix[k] : &s->all;
      g_autofree char *average = NULL;
      g_autofree char *total = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *value = NULL;

      if (f->n_costed == 0)
        continue;
      average = pathways_money_format (whole_pounds (pathways_mix_figures_average_cost (f)));
      total = pathways_money_format (f->total_cost);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place, %s a week in all",
                                               "%d places, %s a week in all", f->n_costed),
                                  f->n_costed, total);
      /* Translators: an average weekly cost, "£565 a week" */
      value = g_strdup_printf (_("%s a week"), average);
      pathways_list_box_add_row (self->cost_list, k < PATHWAYS_N_MIX_KINDS ? pathways_mix_kind_label (k) : _("All accommodation"),
               subtitle, value);
    }
}

static void
fill_cliff (PathwaysSufficiencyView   *self,
            const PathwaysSufficiency *s)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("Turning 18: %d within 3 months, %d within 6 months and %d within 12 months. "
                            "Of the %d within 12 months, %d have no route planned from their birthday yet."),
                          s->cliff_total[0], s->cliff_total[1], s->cliff_total[2], s->cliff_total[2],
                          s->cliff_by_route[PATHWAYS_ROUTE_NONE][2]);
  gtk_label_set_text (self->cliff_label, text);
  set_chart (self->cliff_chart, s, PATHWAYS_REPORT_CHART_CLIFF_EDGE);

  pathways_list_box_clear (self->cliff_list);
  for (int k = 0; k < PATHWAYS_N_MIX_KINDS; k++)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *value = NULL;

      if (s->cliff_by_mix[k][2] == 0)
        continue;
      subtitle = g_strdup_printf (_("%d within 3 months, %d within 6 months"), s->cliff_by_mix[k][0],
                                  s->cliff_by_mix[k][1]);
      value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d in 12 months", "%d in 12 months",
                                            s->cliff_by_mix[k][2]), s->cliff_by_mix[k][2]);
      pathways_list_box_add_row (self->cliff_list, pathways_mix_kind_label (k), subtitle, value);
    }
}

static void
fill_demand (PathwaysSufficiencyView   *self,
             const PathwaysSufficiency *s)
{
  PathwaysChart *charts[] = { self->demand_chart_0, self->demand_chart_1, self->demand_chart_2,
                              self->demand_chart_3 };

  G_STATIC_ASSERT (G_N_ELEMENTS (charts) == PATHWAYS_N_FORECAST_STAGES);

  pathways_list_box_clear (self->gap_list);
  for (int k = 0; k < PATHWAYS_N_FORECAST_STAGES; k++)
    {
      const PathwaysGap *g = &s->gaps[k];
      g_autofree char *gap = pathways_gap_describe (g);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      set_chart (charts[k], s, PATHWAYS_REPORT_CHART_DEMAND_SUPPORTED + k);
      /* Translators: a pathway stage with no shortfall: "Staying Close: enough places" */
      title = gap ? g_steal_pointer (&gap) : g_strdup_printf (_("%s: enough places"), pathways_stage_label (g->stage));
      subtitle = g_strdup_printf (_("%d young people will need a place; %d places come free"), g->demand, g->supply);
      row = pathways_list_box_add_row (self->gap_list, title, subtitle, NULL);
      if (g->shortfall > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shortfall"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
    }
}

static void
fill_compliance (PathwaysSufficiencyView   *self,
                 const PathwaysSufficiency *s)
{
  pathways_list_box_clear (self->compliance_list);
  for (int l = 0; l < PATHWAYS_N_COMPLIANCE; l++)
    {
      GPtrArray *items = s->compliance[l];
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *count;
      g_autofree char *n = g_strdup_printf ("%u", items->len);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), pathways_compliance_label (l));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), pathways_compliance_description (l));
      count = gtk_label_new (n);
      gtk_widget_add_css_class (count, "numeric");
      if (items->len > 0)
        gtk_widget_add_css_class (count, "error");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), count);
      gtk_widget_set_sensitive (expander, items->len > 0);
      {
        /* Translators: a compliance list for a screen reader: "Pathway plan overdue: 3" */
        g_autofree char *accessible = g_strdup_printf (_("%1$s: %2$u"), pathways_compliance_label (l), items->len);

        /* libadwaita 1.2 gives an expander row no name of its own */
        gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pathways_compliance_description (l),
                                        -1);
      }

      for (guint i = 0; i < items->len && i < MAX_COMPLIANCE_ROWS; i++)
        {
          const PathwaysComplianceItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = NULL;

          /* Translators: a young person's name and local ID: "Amara Okafor (NB104729)" */
          title = g_strdup_printf (_("%s (%s)"), item->name ? item->name : "", item->local_id ? item->local_id : "");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->text);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          /* The row is an actionable: activating it opens the young person */
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-person");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (item->person_id));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Open this young person"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      if (items->len > MAX_COMPLIANCE_ROWS)
        {
          GtkWidget *more = adw_action_row_new ();
          g_autofree char *text = g_strdup_printf (_("%u more are listed in the report"),
                                                   items->len - MAX_COMPLIANCE_ROWS);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), more);
        }
      gtk_list_box_append (self->compliance_list, expander);
    }
}

static void
show_sufficiency (PathwaysSufficiencyView *self)
{
  const PathwaysSufficiency *s = self->sufficiency;
  g_autofree char *uk = pathways_date_format_uk (s->date);
  g_autofree char *subtitle = NULL;

  if (s->n_people == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  subtitle = s->authority_name
    /* Translators: "Northbrook · figures as at 22/11/2026" */
    ? g_strdup_printf (_("%s · figures as at %s"), s->authority_name, uk)
    : g_strdup_printf (_("Figures as at %s"), uk);
  gtk_label_set_text (self->subtitle_label, subtitle);

  fill_figures (self, s);
  fill_mix (self, s);
  fill_location_and_cost (self, s);
  fill_cliff (self, s);
  fill_demand (self, s);
  fill_compliance (self, s);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* Callbacks */

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PathwaysSufficiencyView) self = user_data;
  g_autoptr(GError) error = NULL;
  PathwaysSufficiency *s;

  s = pathways_sufficiency_compute_finish (PATHWAYS_STORE (source), result, &error);
  if (s == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not work out the sufficiency figures: %s", error->message);
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->sufficiency, pathways_sufficiency_free);
  self->sufficiency = s;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sufficiency.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sufficiency.print", TRUE);
  show_sufficiency (self);
}

typedef struct {
  PathwaysSufficiencyView *view;
  GFile                   *file;
} ExportClosure;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportClosure *closure = user_data;
  g_autoptr(PathwaysSufficiencyView) self = closure->view;
  g_autoptr(GFile) file = closure->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  g_free (closure);
  if (!pathways_report_export_finish (PATHWAYS_STORE (source), result, &error))
    {
      g_warning ("Could not export the report: %s", error->message);
      /* Translators: %s is why the report could not be written */
      text = g_strdup_printf (_("Could not export the report: %s"), error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Report saved as “%s”"), name);
      pathways_context_add_toast (self->context, pathways_file_toast_new (text, file));
      g_clear_pointer (&text, g_free);
    }

  if (text != NULL)
    show_toast (self, text);
  g_signal_emit (self, signals[REPORT_EXPORTED], 0, path, error == NULL);
}

static PathwaysReportFormat
format_of_file (GFile   *file,
                gboolean *known)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *dot = name ? strrchr (name, '.') : NULL;
  g_autofree char *ext = dot ? g_ascii_strdown (dot + 1, -1) : NULL;
  PathwaysReportFormat format = PATHWAYS_REPORT_PDF;

  *known = pathways_report_format_from_string (ext, &format);
  return format;
}

static void
chooser_response_cb (PathwaysSufficiencyView *self,
                     int                      response,
                     GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;
  PathwaysReportFormat format;
  gboolean known;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    {
      g_clear_object (&self->chooser);
      return;
    }

  format = format_of_file (file, &known);
  if (!known)
    {
      /* No extension: the format of the chosen filter, added to the name */
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *with_ext = NULL;
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      const char *choice = filter ? g_object_get_data (G_OBJECT (filter), "pathways-format") : NULL;

      if (!pathways_report_format_from_string (choice, &format))
        format = PATHWAYS_REPORT_PDF;
      with_ext = g_strconcat (path, ".", pathways_report_format_extension (format), NULL);
      g_object_unref (file);
      file = g_file_new_for_path (with_ext);
    }
  g_clear_object (&self->chooser);
  pathways_sufficiency_view_export (self, file, format);
}

/* Print… (Ctrl+P): the committee report as Export Report… writes it,
 * laid out in a worker thread, then the print dialog (with Preview) */
static void
print_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PathwaysSufficiencyView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = pathways_sufficiency_view_print_operation_finish (self, result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sufficiency.print", self->sufficiency != NULL);
  if (operation == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is the reason */
          g_autofree char *text = g_strdup_printf (_("Could not print: %s"), error->message);
          show_toast (self, text);
        }
      return;
    }
  pathways_print_run (operation, GTK_WIDGET (self), self->context);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (widget);

  if (self->store == NULL || self->sufficiency == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "sufficiency.print", FALSE);  /* one at a time */
  pathways_sufficiency_view_print_operation_async (self, NULL, print_ready_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  const char *ids[] = { "pdf", "csv", "xlsx", NULL };
  const char *labels[] = { _("PDF document"), _("CSV tables"), _("Excel workbook"), NULL };
  const char *patterns[] = { "*.pdf", "*.csv", "*.xlsx" };

  if (self->sufficiency == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: the suggested file name of the report; %s is an ISO date */
  name = g_strdup_printf (_("sufficiency-report-%s.pdf"), self->sufficiency->date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, labels[i]);
      gtk_file_filter_add_pattern (filter, patterns[i]);
      /* The format is chosen once, with the file type (no second control) */
      g_object_set_data (G_OBJECT (filter), "pathways-format", (gpointer) ids[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pathways_sufficiency_view_reload (PATHWAYS_SUFFICIENCY_VIEW (widget));
}

/* PathwaysPage */

static void
pathways_sufficiency_view_load (PathwaysPage  *page,
                                PathwaysStore *store)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (page);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->sufficiency, pathways_sufficiency_free);
  pathways_sufficiency_view_reload (self);
}

static void
pathways_sufficiency_view_changed (PathwaysPage    *page,
                                   PathwaysChanges *changes)
{
  /* The figures are about everyone and every unit (about 0.1 s for two
   * thousand young people, in a thread; the last figures stay on screen
   * meanwhile): anything but a note changes them */
  for (guint i = 0; i < pathways_changes_get_n_changes (changes); i++)
    if (!g_str_equal (pathways_changes_get_change (changes, i)->table, "note"))
      {
        pathways_sufficiency_view_reload (PATHWAYS_SUFFICIENCY_VIEW (page));
        return;
      }
  if (pathways_changes_is_everything (changes))
    pathways_sufficiency_view_reload (PATHWAYS_SUFFICIENCY_VIEW (page));
}

static const char *
pathways_sufficiency_view_get_title (PathwaysPage *page)
{
  return _("Sufficiency");
}

static const char *
pathways_sufficiency_view_get_icon_name (PathwaysPage *page)
{
  return "power-profile-balanced-symbolic";
}

static void
pathways_sufficiency_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_sufficiency_view_load;
  iface->changed = pathways_sufficiency_view_changed;
  iface->get_title = pathways_sufficiency_view_get_title;
  iface->get_icon_name = pathways_sufficiency_view_get_icon_name;
}

/* GObject overrides */

static void
pathways_sufficiency_view_dispose (GObject *object)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (object);

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_SUFFICIENCY_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_sufficiency_view_parent_class)->dispose (object);
}

static void
pathways_sufficiency_view_constructed (GObject *object)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (object);

  G_OBJECT_CLASS (pathways_sufficiency_view_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_sufficiency_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pathways_page_get_title (PATHWAYS_PAGE (self)));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, pathways_page_get_icon_name (PATHWAYS_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_sufficiency_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_sufficiency_view_finalize (GObject *object)
{
  PathwaysSufficiencyView *self = PATHWAYS_SUFFICIENCY_VIEW (object);

  g_clear_pointer (&self->sufficiency, pathways_sufficiency_free);
  g_free (self->today);

  G_OBJECT_CLASS (pathways_sufficiency_view_parent_class)->finalize (object);
}

static void
pathways_sufficiency_view_class_init (PathwaysSufficiencyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_sufficiency_view_constructed;
  object_class->dispose = pathways_sufficiency_view_dispose;
  object_class->finalize = pathways_sufficiency_view_finalize;
  object_class->get_property = pathways_sufficiency_view_get_property;
  object_class->set_property = pathways_sufficiency_view_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  /**
   * PathwaysSufficiencyView::report-exported:
   * @path: where the report was to be written
   * @ok: whether it was
   */
  signals[REPORT_EXPORTED] = g_signal_new ("report-exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  g_type_ensure (PATHWAYS_TYPE_CHART);
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);
  g_type_ensure (PATHWAYS_TYPE_I_STATEMENT_SECTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-sufficiency-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, mix_chart);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, mix_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, location_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, location_chart);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, cost_chart);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, cost_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, cliff_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, cliff_chart);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, cliff_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, gap_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, demand_chart_0);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, demand_explanation);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, demand_chart_1);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, demand_chart_2);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, demand_chart_3);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, compliance_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysSufficiencyView, i_statement_section);

  gtk_widget_class_install_action (widget_class, "sufficiency.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "sufficiency.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "sufficiency.refresh", NULL, refresh_action);
}

static void
pathways_sufficiency_view_init (PathwaysSufficiencyView *self)
{
  static const PathwaysShortcut shortcuts[] = {
    { "<Control><Shift>e", "sufficiency.export" },
    { "<Control>p", "sufficiency.print" },
    { "F5", "sufficiency.refresh" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->demand_explanation, pathways_report_demand_explanation ());
  /* The demand charts: one Tab stop each, the cells named by the charts */
  pathways_flow_box_one_stop_each (GTK_FLOW_BOX (gtk_widget_get_ancestor (GTK_WIDGET (self->demand_chart_0),
                                                                          GTK_TYPE_FLOW_BOX)));
  pathways_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sufficiency.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sufficiency.print", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

GtkWidget *
pathways_sufficiency_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_SUFFICIENCY_VIEW, "context", context, NULL);
}

/**
 * pathways_sufficiency_view_reload:
 *
 * Works the figures out again, for today, in a worker thread; the last
 * figures stay on screen meanwhile.
 */
void
pathways_sufficiency_view_reload (PathwaysSufficiencyView *self)
{
  g_return_if_fail (PATHWAYS_IS_SUFFICIENCY_VIEW (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->today);
  self->today = pathways_context_dup_today (self->context);
  if (self->sufficiency == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  pathways_sufficiency_compute_async (self->store, self->today, self->cancellable, computed_cb,
                                      g_object_ref (self));
  pathways_i_statement_section_reload (self->i_statement_section, self->store, self->today);
}

const char *
pathways_sufficiency_view_get_visible_page (PathwaysSufficiencyView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SUFFICIENCY_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const PathwaysSufficiency *
pathways_sufficiency_view_get_sufficiency (PathwaysSufficiencyView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_SUFFICIENCY_VIEW (self), NULL);
  return self->sufficiency;
}

void
pathways_sufficiency_view_export (PathwaysSufficiencyView *self,
                                  GFile                   *file,
                                  PathwaysReportFormat     format)
{
  g_autofree char *path = NULL;
  ExportClosure *closure;

  g_return_if_fail (PATHWAYS_IS_SUFFICIENCY_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Reports can only be saved to local files"));
      return;
    }
  closure = g_new0 (ExportClosure, 1);
  closure->view = g_object_ref (self);
  closure->file = g_object_ref (file);
  pathways_report_export_async (self->store, self->sufficiency ? self->sufficiency->date : self->today, format,
                                path, NULL, exported_cb, closure);
}

static void
pages_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = pathways_report_pages_finish (PATHWAYS_STORE (source), result, &error);
  g_autofree char *job = NULL;
  const char *date = g_task_get_task_data (task);
  g_autofree char *uk = pathways_date_format_uk (date);

  if (pages == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Translators: the print job's name; %s is a date */
  job = g_strdup_printf (_("Accommodation sufficiency, %s"), uk);
  g_task_return_pointer (task, pathways_print_operation_new (job, pages), g_object_unref);
}

/**
 * pathways_sufficiency_view_print_operation_async:
 *
 * Lays the committee report out for printing in a worker thread, as of
 * the figures shown, and makes the print operation "sufficiency.print"
 * runs (the tests export it without a dialog).
 */
void
pathways_sufficiency_view_print_operation_async (PathwaysSufficiencyView *self,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *date;

  g_return_if_fail (PATHWAYS_IS_SUFFICIENCY_VIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_sufficiency_view_print_operation_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No database is open"));
      return;
    }
  date = self->sufficiency ? self->sufficiency->date : self->today;
  g_task_set_task_data (task, g_strdup (date), g_free);
  pathways_report_pages_async (self->store, date, cancellable, pages_ready_cb, g_object_ref (task));
}

/* Returns: (transfer full): the print operation, or %NULL with @error */
GtkPrintOperation *
pathways_sufficiency_view_print_operation_finish (PathwaysSufficiencyView *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
