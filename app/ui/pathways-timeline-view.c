/* pathways-timeline-view.c — the Timeline page
 *
 * Every young person's pathway on one timeline for managers: the zoom
 * (months, quarters, years), the filters the caseload has (personal
 * adviser, team, status, age band, pathway stage, alerts), grouping,
 * the legend, and export of the view to PNG and PDF or to a printer.
 * The page holds no data: the timeline is loaded in a worker thread
 * (pathways_timeline_load_async) and drawn by PathwaysTimelineGrid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathways-timeline-view.h"
#include "pathways-page.h"
#include "pathways-plan-service.h"
#include "pathways-timeline-painter.h"
#include "pathways-timeline-view-private.h"
#include "pathways-widgets.h"
#include "pathways-wrap-box.h"

struct _PathwaysTimelineView
{
  GtkWidget parent_instance;

  PathwaysContext      *context;
  GCancellable         *cancellable;
  gboolean              loaded;
  GArray               *pa_ids;     /* gint64, after "All" in the PA list */
  GPtrArray            *teams;      /* char*, after "All" in the team list */
  GtkFileChooserNative *chooser;
  PathwaysTimelinePages *print_pages;

  /* Template widgets */
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *count_label;
  PathwaysTimelineGrid *grid;
  GtkDropDown          *pa_dropdown;
  GtkDropDown          *team_dropdown;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *age_dropdown;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *group_dropdown;
  GtkToggleButton      *alerts_toggle;
  GtkStringList        *pa_list;
  GtkStringList        *team_list;
  GtkFlowBox           *legend_box;
  PathwaysWrapBox      *filter_box;
};

static void pathways_timeline_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysTimelineView, pathways_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_timeline_view_page_init))

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static GParamSpec *properties[N_PROPS];

/* The same choices, in the same order, as the caseload's filters */
static const PathwaysCareStatus filter_statuses[] = {
  PATHWAYS_CARE_STATUS_ELIGIBLE, PATHWAYS_CARE_STATUS_RELEVANT, PATHWAYS_CARE_STATUS_FORMER_RELEVANT,
  PATHWAYS_CARE_STATUS_QUALIFYING, PATHWAYS_CARE_STATUS_LOOKED_AFTER, PATHWAYS_CARE_STATUS_NONE,
};

static const PathwaysStage filter_stages[] = {
  PATHWAYS_STAGE_SUPPORTED, PATHWAYS_STAGE_STAYING_PUT, PATHWAYS_STAGE_STAYING_CLOSE, PATHWAYS_STAGE_MOVE_ON,
  PATHWAYS_STAGE_LOOKED_AFTER, PATHWAYS_STAGE_OTHER,
};

static const PathwaysAgeBand filter_age_bands[] = {
  PATHWAYS_AGE_BAND_16_17, PATHWAYS_AGE_BAND_18_20, PATHWAYS_AGE_BAND_21_25,
};

/* Helpers */

static void
read_filter (PathwaysTimelineView *self,
             PathwaysPersonFilter *filter)
{
  guint pa = gtk_drop_down_get_selected (self->pa_dropdown);
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint age = gtk_drop_down_get_selected (self->age_dropdown);
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);

  pathways_person_filter_init (filter);
  if (pa > 0 && pa <= self->pa_ids->len)
    filter->pa_id = g_array_index (self->pa_ids, gint64, pa - 1);
  if (team > 0 && team <= self->teams->len)
    filter->team = g_strdup (g_ptr_array_index (self->teams, team - 1));
  if (status > 0 && status <= G_N_ELEMENTS (filter_statuses))
    filter->status = g_strdup (pathways_care_status_code (filter_statuses[status - 1]));
  if (age > 0 && age <= G_N_ELEMENTS (filter_age_bands))
    filter->age_band = filter_age_bands[age - 1];
  if (stage > 0 && stage <= G_N_ELEMENTS (filter_stages))
    filter->stage = filter_stages[stage - 1];
  filter->with_alerts = gtk_toggle_button_get_active (self->alerts_toggle);
}

/* The filters in words, for the exported pages: NULL for none */
static char *
describe_filters (PathwaysTimelineView *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GtkDropDown *dropdowns[] = { self->pa_dropdown, self->team_dropdown, self->status_dropdown,
                               self->age_dropdown, self->stage_dropdown };

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdowns[i]);

      if (gtk_drop_down_get_selected (dropdowns[i]) > 0 && item != NULL)
        g_ptr_array_add (parts, (gpointer) gtk_string_object_get_string (item));
    }
  if (gtk_toggle_button_get_active (self->alerts_toggle))
    g_ptr_array_add (parts, (gpointer) _("Has alerts"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the filters listed on an exported page */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* GTK 4.8 names a drop-down's button by its class ("GtkToggleButton"):
 * name it by the filter and what is chosen, "Team: All Teams" */
static void
name_dropdowns (PathwaysTimelineView *self)
{
  GtkDropDown *dropdowns[] = { self->pa_dropdown, self->team_dropdown, self->status_dropdown,
                               self->age_dropdown, self->stage_dropdown, self->group_dropdown };

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdowns[i]));
      GtkStringObject *item = gtk_drop_down_get_selected_item (dropdowns[i]);
      const char *what = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdowns[i]));
      g_autofree char *label = NULL;

      if (!GTK_IS_TOGGLE_BUTTON (button) || what == NULL)
        continue;
      if (item != NULL)
        /* Translators: a filter's button, for screen readers: the filter, then what is chosen: "Team: All Teams" */
        label = g_strdup_printf (_("%s: %s"), what, gtk_string_object_get_string (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label ? label : what, -1);
      g_object_set_data (G_OBJECT (button), "pathways-accessible-named", GINT_TO_POINTER (1));
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

static void
update_state (PathwaysTimelineView *self)
{
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (self->grid);
  guint total = timeline ? pathways_timeline_get_n_rows (timeline) : 0;
  guint shown = pathways_timeline_grid_get_n_people (self->grid);
  const char *page;
  g_autofree char *count = NULL;

  if (!self->loaded)
    page = "loading";
  else if (total == 0)
    page = "empty";
  else if (shown == 0)
    page = "no-results";
  else
    page = "timeline";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, !self->loaded);

  if (total == 0)
    count = g_strdup ("");
  else if (shown == total)
    /* Translators: how many young people the timeline shows */
    count = g_strdup_printf (ngettext ("%'u young person", "%'u young people", total), total);
  else
    /* Translators: shown while filtering: “12 of 60 young people” */
    count = g_strdup_printf (ngettext ("%'u of %'u young person", "%'u of %'u young people", total), shown, total);
  gtk_label_set_label (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.print", shown > 0);
  name_dropdowns (self);
}

static void
fill_people_filters (PathwaysTimelineView *self,
                     PathwaysTimeline     *timeline)
{
  g_autoptr(GArray) pas = pathways_timeline_list_pas (timeline);
  g_autoptr(GArray) teams = pathways_timeline_list_teams (timeline);
  guint pa = gtk_drop_down_get_selected (self->pa_dropdown);
  guint team = gtk_drop_down_get_selected (self->team_dropdown);
  gint64 old_pa = pa > 0 && pa <= self->pa_ids->len ? g_array_index (self->pa_ids, gint64, pa - 1) : 0;
  g_autofree char *old_team = team > 0 && team <= self->teams->len ? g_strdup (g_ptr_array_index (self->teams, team - 1)) : NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint new_pa = 0, new_team = 0;

  /* Keep what was chosen, if it is still there */
  g_array_set_size (self->pa_ids, 0);
  g_ptr_array_add (labels, (gpointer) _("All Personal Advisers"));
  for (guint i = 0; i < pas->len; i++)
    {
      const PathwaysTimelineChoice *c = &g_array_index (pas, PathwaysTimelineChoice, i);

      g_array_append_val (self->pa_ids, c->id);
      g_ptr_array_add (labels, (gpointer) c->label);
      if (c->id == old_pa)
        new_pa = i + 1;
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->pa_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pa_list)),
                          (const char * const *) labels->pdata);

  g_ptr_array_set_size (self->teams, 0);
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, (gpointer) _("All Teams"));
  for (guint i = 0; i < teams->len; i++)
    {
      const PathwaysTimelineChoice *c = &g_array_index (teams, PathwaysTimelineChoice, i);

      g_ptr_array_add (self->teams, g_strdup (c->label));
      g_ptr_array_add (labels, (gpointer) c->label);
      if (g_strcmp0 (c->label, old_team) == 0)
        new_team = i + 1;
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->team_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->team_list)),
                          (const char * const *) labels->pdata);

  gtk_drop_down_set_selected (self->pa_dropdown, new_pa);
  gtk_drop_down_set_selected (self->team_dropdown, new_team);
}

static GtkWindow *
parent_window (PathwaysTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (PathwaysTimelineView *self,
            AdwToast             *toast)
{
  pathways_context_add_toast (self->context, toast);
}

static char *
export_title (PathwaysTimeline *timeline)
{
  const char *authority = timeline ? pathways_timeline_get_authority_name (timeline) : NULL;

  if (authority != NULL)
    /* Translators: the title of an exported or printed timeline; %s is the local authority */
    return g_strdup_printf (_("Transitions timeline: %s"), authority);
  return g_strdup (_("Transitions timeline"));
}

static char *
export_subtitle (PathwaysTimelineView *self)
{
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (self->grid);
  g_autofree char *date = pathways_date_format_uk (pathways_timeline_get_date (timeline));
  g_autofree char *filters = describe_filters (self);
  guint shown = pathways_timeline_grid_get_n_people (self->grid);
  g_autofree char *count = g_strdup_printf (ngettext ("%u young person", "%u young people", shown), shown);

  if (filters != NULL)
    /* Translators: under the title of an exported timeline: the date, how many, the filters */
    return g_strdup_printf (_("On %s: %s. Filters: %s."), date, count, filters);
  /* Translators: under the title of an exported timeline: the date and how many */
  return g_strdup_printf (_("On %s: %s, everyone."), date, count);
}

/* Export, in a worker thread */

typedef struct {
  PathwaysTimelineExport  format;
  PathwaysTimelineFrame   frame;
  PangoFontDescription   *font;
  PathwaysTimeline       *timeline;  /* the lines borrow from it */
  GArray                 *lines;
  char                   *title;
  char                   *subtitle;
  char                   *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_clear_pointer (&d->font, pango_font_description_free);
  g_clear_pointer (&d->lines, g_array_unref);
  g_clear_pointer (&d->timeline, pathways_timeline_unref);
  g_free (d->title);
  g_free (d->subtitle);
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
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (d->format == PATHWAYS_TIMELINE_EXPORT_PNG)
    ok = pathways_timeline_export_png (&d->frame, d->lines, 2.0, d->path, &error);
  else
    ok = pathways_timeline_export_pdf (&d->frame, d->lines, d->title, d->subtitle, d->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!pathways_timeline_view_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, adw_toast_new (error->message));
      return;
    }
  /* Translators: %s is a file name */
  show_toast (self, adw_toast_new_format (_("Exported “%s”"), name));
}

static void
chooser_response_cb (PathwaysTimelineView *self,
                     int                   response,
                     GtkNativeDialog      *chooser)
{
  PathwaysTimelineExport format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  pathways_timeline_view_export_async (self, format, file, self->cancellable, exported_cb, g_object_ref (file));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation    *operation,
                GtkPrintContext      *context,
                PathwaysTimelineView *self)
{
  PathwaysTimelineFrame frame;
  g_autoptr(GArray) lines = pathways_timeline_grid_dup_lines (self->grid);
  g_autofree char *title = export_title (pathways_timeline_grid_get_timeline (self->grid));
  g_autofree char *subtitle = export_subtitle (self);

  pathways_timeline_grid_get_frame (self->grid, &frame);
  g_clear_pointer (&self->print_pages, pathways_timeline_pages_free);
  self->print_pages = pathways_timeline_pages_new (&frame, lines,
                                                   gtk_print_context_get_width (context),
                                                   gtk_print_context_get_height (context),
                                                   title, subtitle);
  gtk_print_operation_set_n_pages (operation, pathways_timeline_pages_get_n_pages (self->print_pages));
}

static void
draw_page_cb (GtkPrintOperation    *operation,
              GtkPrintContext      *context,
              int                   page,
              PathwaysTimelineView *self)
{
  if (self->print_pages != NULL)
    pathways_timeline_pages_draw (self->print_pages, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PathwaysTimelineView    *self)
{
  g_clear_pointer (&self->print_pages, pathways_timeline_pages_free);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s is the reason */
      show_toast (self, adw_toast_new_format (_("Could not print: %s"), error ? error->message : ""));
    }
  g_object_unref (operation);
}

/* Callbacks */

static void
filter_changed_cb (PathwaysTimelineView *self)
{
  PathwaysPersonFilter filter;

  read_filter (self, &filter);
  pathways_timeline_grid_set_filter (self->grid, &filter);
  pathways_person_filter_clear (&filter);
  update_state (self);
}

static void
group_changed_cb (PathwaysTimelineView *self)
{
  pathways_timeline_grid_set_group (self->grid, (PathwaysTimelineGroup) gtk_drop_down_get_selected (self->group_dropdown));
  name_dropdowns (self);
}

static void
n_people_changed_cb (PathwaysTimelineView *self)
{
  update_state (self);
}

static void
zoom_changed_cb (PathwaysTimelineView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysTimelineView) self = user_data;
  g_autoptr(PathwaysTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = pathways_timeline_load_finish (PATHWAYS_STORE (source), result, &error);
  if (timeline == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not load the timeline: %s", error->message);
      /* Translators: %s is an error message from the database */
      show_toast (self, adw_toast_new_format (_("Could not load the timeline: %s"), error->message));
      self->loaded = TRUE;
      update_state (self);
      return;
    }

  self->loaded = TRUE;
  fill_people_filters (self, timeline);
  pathways_timeline_grid_set_timeline (self->grid, timeline);
  filter_changed_cb (self);
}

static void
draw_legend_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  /* The very marks the timeline and its exports draw */
  pathways_timeline_legend_swatch (cr, GPOINTER_TO_UINT (user_data),
                                   adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                   0, 0, width, height);
}

static void
dark_changed_cb (PathwaysTimelineView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      gtk_widget_queue_draw (gtk_widget_get_first_child (box));
    }
}

/* The legend is read, not visited: no Tab stop in it, and each entry
 * is named by what it says */
static void
build_legend (PathwaysTimelineView *self)
{
  /* … and the plan's proposals, on screen only */
  for (guint i = 0; i <= PATHWAYS_TIMELINE_LEGEND_PROPOSAL; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        "content-width", i == PATHWAYS_TIMELINE_LEGEND_ALERTS ? 28 : 18,
                                        "content-height", 14,
                                        "valign", GTK_ALIGN_CENTER, NULL);
      const char *text = pathways_timeline_legend_label (i);
      GtkWidget *label;
      GtkWidget *child;

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_legend_cb, GUINT_TO_POINTER (i), NULL);
      label = gtk_label_new (text);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_append (self->legend_box, box);
      child = gtk_widget_get_parent (box);
      gtk_widget_set_focusable (child, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_widget_set_can_focus (GTK_WIDGET (self->legend_box), FALSE);
}

/* The service plan's proposals, drawn dashed from the proposed day for
 * a year (the plan holds the unit at least that long, or until they
 * outgrow it, which the next proposal shows) */
static void
plan_updated_cb (PathwaysTimelineView *self,
                 PathwaysPlanService  *service)
{
  GListModel *rows = pathways_plan_service_get_rows (service);
  g_autoptr(GHashTable) proposals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PathwaysPlanRow) row = g_list_model_get_item (rows, i);
      const PathwaysProposal *p = pathways_plan_row_get_proposal (row);
      PathwaysTimelineProposal *pr;

      if (p->unit_id == 0 || g_hash_table_contains (proposals, &p->person_id))
        continue;
      pr = g_new0 (PathwaysTimelineProposal, 1);
      pr->start = pathways_timeline_day_from_iso (p->date);
      pr->end = pr->start + 364;
      pr->kind = pathways_timeline_kind_for (p->unit_kind, NULL, NULL);
      if (pr->start == 0)
        {
          g_free (pr);
          continue;
        }
      g_hash_table_insert (proposals, g_memdup2 (&p->person_id, sizeof (gint64)), pr);
    }
  pathways_timeline_grid_set_proposals (self->grid, g_hash_table_size (proposals) > 0 ? proposals : NULL);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pathways_timeline_grid_zoom_in (PATHWAYS_TIMELINE_VIEW (widget)->grid);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pathways_timeline_grid_zoom_out (PATHWAYS_TIMELINE_VIEW (widget)->grid);
}

static void
go_today_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pathways_timeline_grid_scroll_to_today (PATHWAYS_TIMELINE_VIEW (widget)->grid);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (widget);

  gtk_drop_down_set_selected (self->pa_dropdown, 0);
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->age_dropdown, 0);
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_toggle_button_set_active (self->alerts_toggle, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (widget);
  gboolean pdf = g_strcmp0 (g_variant_get_string (parameter, NULL), "pdf") == 0;
  PathwaysTimeline *timeline = pathways_timeline_grid_get_timeline (self->grid);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (timeline == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (pdf ? _("Export Timeline as PDF") : _("Export Timeline as PNG"),
                                               parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the file name offered for an export; %s is the date (ISO, so that files sort) */
  name = g_strdup_printf (_("Transitions timeline %s.%s"), pathways_timeline_get_date (timeline), pdf ? "pdf" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "format",
                     GINT_TO_POINTER (pdf ? PATHWAYS_TIMELINE_EXPORT_PDF : PATHWAYS_TIMELINE_EXPORT_PNG));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (widget);
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = export_title (pathways_timeline_grid_get_timeline (self->grid));
  g_autoptr(GError) error = NULL;

  if (pathways_timeline_grid_get_timeline (self->grid) == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_toast (self, adw_toast_new_format (_("Could not print: %s"), error->message));
      g_object_unref (operation);
    }
  /* Otherwise "done" releases it */
}

/* PathwaysPage */

static void
pathways_timeline_view_load_page (PathwaysPage  *page,
                                  PathwaysStore *store)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (page);
  g_autofree char *today = pathways_context_dup_today (self->context);

  pathways_timeline_view_load (self, store, today);
}

static void
pathways_timeline_view_changed (PathwaysPage    *page,
                                PathwaysChanges *changes)
{
  /* Bars, moves, milestones, names, PAs and the rules behind the alerts;
   * a reload keeps the dates in view, the zoom and the filters */
  if (pathways_changes_has_type (changes, PATHWAYS_TYPE_SPELL) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_TRANSITION) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_MILESTONE) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_YOUNG_PERSON) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_UNIT) ||
      pathways_changes_has_type (changes, PATHWAYS_TYPE_STAFF) ||
      pathways_changes_has_table (changes, "setting"))
    pathways_timeline_view_load_page (page, pathways_page_get_store (page));
}

static const char *
pathways_timeline_view_get_title (PathwaysPage *page)
{
  return _("Timeline");
}

static const char *
pathways_timeline_view_get_icon_name (PathwaysPage *page)
{
  return "x-office-calendar-symbolic";
}

static void
pathways_timeline_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_timeline_view_load_page;
  iface->changed = pathways_timeline_view_changed;
  iface->get_title = pathways_timeline_view_get_title;
  iface->get_icon_name = pathways_timeline_view_get_icon_name;
}

/* GObject overrides */

static void
pathways_timeline_view_constructed (GObject *object)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (object);

  G_OBJECT_CLASS (pathways_timeline_view_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
  g_signal_connect_object (pathways_plan_service_get_for_context (self->context), "updated",
                           G_CALLBACK (plan_updated_cb), self, G_CONNECT_SWAPPED);
  plan_updated_cb (self, pathways_plan_service_get_for_context (self->context));
}

static void
pathways_timeline_view_dispose (GObject *object)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (object);
  GtkWidget *child;

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->print_pages, pathways_timeline_pages_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_TIMELINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_timeline_view_parent_class)->dispose (object);
}

static void
pathways_timeline_view_finalize (GObject *object)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (object);

  g_clear_pointer (&self->pa_ids, g_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);

  G_OBJECT_CLASS (pathways_timeline_view_parent_class)->finalize (object);
}

static void
pathways_timeline_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_string (value, pathways_timeline_grid_get_zoom (self->grid));
      break;
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
pathways_timeline_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PathwaysTimelineView *self = PATHWAYS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      pathways_timeline_grid_set_zoom (self->grid, g_value_get_string (value));
      break;
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_timeline_view_class_init (PathwaysTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_timeline_view_constructed;
  object_class->dispose = pathways_timeline_view_dispose;
  object_class->finalize = pathways_timeline_view_finalize;
  object_class->get_property = pathways_timeline_view_get_property;
  object_class->set_property = pathways_timeline_view_set_property;

  /**
   * PathwaysTimelineView:zoom:
   *
   * "months", "quarters" or "years"; the "timeline.zoom" action.
   */
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "quarters",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  g_type_ensure (PATHWAYS_TYPE_TIMELINE_GRID);
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, grid);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, pa_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, alerts_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, pa_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, team_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysTimelineView, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, n_people_changed_cb);

  gtk_widget_class_install_property_action (widget_class, "timeline.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.go-today", NULL, go_today_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelineview");
}

static void
pathways_timeline_view_init (PathwaysTimelineView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Filters keep their width whatever is picked */
  pathways_drop_down_keep_width (self->pa_dropdown);
  pathways_drop_down_keep_width (self->team_dropdown);
  pathways_drop_down_keep_width (self->status_dropdown);
  pathways_drop_down_keep_width (self->age_dropdown);
  pathways_drop_down_keep_width (self->stage_dropdown);
  pathways_drop_down_keep_width (self->group_dropdown);

  self->cancellable = g_cancellable_new ();
  self->pa_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->teams = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (self->pa_list, _("All Personal Advisers"));
  gtk_string_list_append (self->team_list, _("All Teams"));
  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    gtk_string_list_append (statuses, pathways_care_status_label (filter_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_stages); i++)
    gtk_string_list_append (stages, pathways_stage_label (filter_stages[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  build_legend (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  /* The page's shortcuts work wherever the focus is while the page is
   * shown (a managed controller runs only while its widget is mapped),
   * not only inside it */
  {
    static const struct {
      const char *trigger;
      const char *action;
    } shortcuts[] = {
      { "<Control>plus", "timeline.zoom-in" },
      { "<Control>equal", "timeline.zoom-in" },
      { "<Control>KP_Add", "timeline.zoom-in" },
      { "<Control>minus", "timeline.zoom-out" },
      { "<Control>KP_Subtract", "timeline.zoom-out" },
      { "<Alt>Home", "timeline.go-today" },
      { "<Control>p", "timeline.print" },
    };
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
    for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                              gtk_named_action_new (shortcuts[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }
  update_state (self);
}

/* Public API */

GtkWidget *
pathways_timeline_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_TIMELINE_VIEW, "context", context, NULL);
}

/**
 * pathways_timeline_view_load:
 * @today: the day: the line "today" and what ages and alerts are for
 *
 * (Re)loads the timeline from @store in a worker thread.  While a first
 * load is under way the page shows a spinner; a reload keeps the old
 * timeline in view until the new one is there.
 */
void
pathways_timeline_view_load (PathwaysTimelineView *self,
                             PathwaysStore        *store,
                             const char           *today)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (PATHWAYS_IS_STORE (store));
  g_return_if_fail (today != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  update_state (self);

  pathways_timeline_load_async (store, today, self->cancellable, loaded_cb, g_object_ref (self));
}

/**
 * pathways_timeline_view_set_filter:
 *
 * Chooses the filters (from the caseload, say) as a person would.
 */
void
pathways_timeline_view_set_filter (PathwaysTimelineView       *self,
                                   const PathwaysPersonFilter *filter)
{
  guint pa = 0, team = 0, status = 0, age = 0, stage = 0;

  g_return_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (filter != NULL);

  for (guint i = 0; i < self->pa_ids->len; i++)
    if (g_array_index (self->pa_ids, gint64, i) == filter->pa_id)
      pa = i + 1;
  for (guint i = 0; i < self->teams->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->teams, i), filter->team) == 0)
      team = i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    if (g_strcmp0 (pathways_care_status_code (filter_statuses[i]), filter->status) == 0)
      status = i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (filter_age_bands); i++)
    if ((int) filter_age_bands[i] == filter->age_band)
      age = i + 1;
  for (guint i = 0; i < G_N_ELEMENTS (filter_stages); i++)
    if ((int) filter_stages[i] == filter->stage)
      stage = i + 1;

  gtk_drop_down_set_selected (self->pa_dropdown, pa);
  gtk_drop_down_set_selected (self->team_dropdown, team);
  gtk_drop_down_set_selected (self->status_dropdown, status);
  gtk_drop_down_set_selected (self->age_dropdown, age);
  gtk_drop_down_set_selected (self->stage_dropdown, stage);
  gtk_toggle_button_set_active (self->alerts_toggle, filter->with_alerts);
}

/**
 * pathways_timeline_view_export_async:
 *
 * Writes the view to @file in a worker thread: PNG, the viewport as
 * shown (at twice the size, for print and slides); PDF, the same dates
 * and zoom with every young person who passes the filters, A4
 * landscape pages with the time axis repeated.
 */
void
pathways_timeline_view_export_async (PathwaysTimelineView   *self,
                                     PathwaysTimelineExport  format,
                                     GFile                  *file,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  PathwaysTimeline *timeline;
  ExportData *d;

  g_return_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pathways_timeline_view_export_async);

  timeline = pathways_timeline_grid_get_timeline (self->grid);
  if (timeline == NULL || g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The timeline can only be exported to a local file once it has loaded"));
      return;
    }

  d = g_new0 (ExportData, 1);
  d->format = format;
  pathways_timeline_grid_get_frame (self->grid, &d->frame);
  d->font = d->frame.font ? pango_font_description_copy (d->frame.font) : NULL;
  d->frame.font = d->font;
  d->frame.dark = FALSE;
  d->timeline = pathways_timeline_ref (timeline);
  d->lines = pathways_timeline_grid_dup_lines (self->grid);
  d->title = export_title (timeline);
  d->subtitle = export_subtitle (self);
  d->path = g_file_get_path (file);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pathways_timeline_view_export_finish (PathwaysTimelineView  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pathways_timeline_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pathways_timeline_view_get_grid:
 *
 * Returns: (transfer none): the timeline widget
 */
PathwaysTimelineGrid *
pathways_timeline_view_get_grid (PathwaysTimelineView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self), NULL);
  return self->grid;
}

const char *
pathways_timeline_view_get_visible_page (PathwaysTimelineView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * pathways_timeline_view_select_filter:
 * @filter: "pa", "team", "status", "age", "stage", "alerts" (0 or 1)
 *   or "group"
 * @position: the item chosen in that filter's menu
 *
 * Chooses a filter as a person would.
 */
void
pathways_timeline_view_select_filter (PathwaysTimelineView *self,
                                      const char           *filter,
                                      guint                 position)
{
  g_return_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self));

  if (g_str_equal (filter, "pa"))
    gtk_drop_down_set_selected (self->pa_dropdown, position);
  else if (g_str_equal (filter, "team"))
    gtk_drop_down_set_selected (self->team_dropdown, position);
  else if (g_str_equal (filter, "status"))
    gtk_drop_down_set_selected (self->status_dropdown, position);
  else if (g_str_equal (filter, "age"))
    gtk_drop_down_set_selected (self->age_dropdown, position);
  else if (g_str_equal (filter, "stage"))
    gtk_drop_down_set_selected (self->stage_dropdown, position);
  else if (g_str_equal (filter, "alerts"))
    gtk_toggle_button_set_active (self->alerts_toggle, position != 0);
  else if (g_str_equal (filter, "group"))
    gtk_drop_down_set_selected (self->group_dropdown, position);
  else
    g_critical ("No filter “%s”", filter);
}

/* The position of a PA in the PA menu, or 0 (“All”) */
guint
pathways_timeline_view_find_pa (PathwaysTimelineView *self,
                                gint64                pa_id)
{
  g_return_val_if_fail (PATHWAYS_IS_TIMELINE_VIEW (self), 0);

  for (guint i = 0; i < self->pa_ids->len; i++)
    if (g_array_index (self->pa_ids, gint64, i) == pa_id)
      return i + 1;
  return 0;
}
