/* pathways-caseload-view.c — the caseload: every young person, searchable
 * and sortable
 *
 * A PathwaysPage.  It loads the caseload (a GListModel of
 * PathwaysCaseloadRow) in a worker thread when the store is there, and
 * shows it through a filter (the search entry) and a sorter (the column
 * headers); a NULL model means "still loading".  After a change to the
 * store it loads again and updates its rows in place — the same row
 * objects, so the selection and the scroll position stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-caseload-view"

#include "config.h"

#include "pathways-fold.h"
#include "pathways-narrow.h"
#include "pathways-table.h"
#include "pathways-wrap-box.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pathways-core.h"

#include "pathways-array-model.h"
#include "pathways-caseload-view.h"
#include "pathways-reassign-dialog.h"
#include "pathways-caseload-view-private.h"
#include "pathways-page.h"
#include "pathways-keyboard.h"
#include "pathways-row-name.h"
#include "pathways-widgets.h"

struct _PathwaysCaseloadView
{
  GtkWidget parent_instance;

  PathwaysContext *context;
  GCancellable    *cancellable;
  GListModel      *model;
  PathwaysArrayModel *rows;   /* the model, mirrored for the sorter */
  gint64           my_staff_id;
  GtkFilter       *row_filter;
  GHashTable      *bound;   /* GtkListItem → its Column, for each bound cell */
  /* What the filters above the list are set to, read when one changes
   * rather than from the widgets for every row */
  guint            scope, status, age, stage;
  gboolean         alerts_only, uasc_only, archived_only;

  /* Template widgets and objects */
  GtkSearchEntry      *search_entry;
  PathwaysWrapBox     *filter_box;
  GtkRevealer         *filters_revealer;
  GtkToggleButton     *filters_button;
  GtkLabel            *filters_badge;
  GtkBox              *search_box;
  GtkLabel            *count_label;
  GtkLabel            *count_short_label;
  GtkWidget           *count_squeezer;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *local_id_column;
  GtkColumnViewColumn *since_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *next_move_column;
  GtkColumnViewColumn *age_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *next_date_column;
  GtkColumnViewColumn *readiness_column;
  GtkColumnViewColumn *alerts_column;
  GtkColumnViewColumn *accommodation_column;
  GtkColumnViewColumn *pa_column;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSliceListModel   *first_rows;   /* the rows the column view gets */
  guint                first_rows_tick;
  guint                first_rows_frames;
  guint                spinner_timeout;
  GtkEveryFilter      *every_filter;

  /* The search: the query as typed and as words of search keys */
  GtkFilter           *search_filter;
  char                *search_query;
  char               **search_words;
  GtkDropDown         *scope_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *age_dropdown;
  GtkDropDown         *stage_dropdown;
  GtkToggleButton     *alerts_toggle;
  GtkToggleButton     *uasc_toggle;
  GtkToggleButton     *archived_toggle;

  /* Selecting several to reassign them (#12) */
  GtkMultiSelection   *multi;
  gboolean             selecting;
  GtkRevealer         *select_bar;
  GtkLabel            *select_label;

  /* Below PATHWAYS_NARROW_WIDTH the table folds to a list of the same rows */
  GtkStack            *layout_stack;
  GtkListView         *narrow_list;
  PathwaysNarrow      *narrow;
};

static void pathways_caseload_view_page_init (PathwaysPageInterface *iface);
static void refill_cells                     (PathwaysCaseloadView  *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysCaseloadView, pathways_caseload_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_caseload_view_page_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_MY_STAFF_ID,
  PROP_VISIBLE_PAGE,
  PROP_N_VISIBLE,
  PROP_SELECTING,
  PROP_NARROW,
  N_PROPS,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statuses and stages the filters offer, in the order shown (after "All") */
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

/* A caseload is shown first as its first rows, more than a screen
 * holds, and whole from the next frame: a GTK 4.8 list view makes and
 * lays out 200 rows (every cell of them) for a model of any length, most
 * of the time the first rows took to appear */
#define FIRST_ROWS 64

/* … or as many as its height holds when it has one, at the height of
 * the lowest row (one line of text), and a few more */
#define FIRST_ROWS_MIN_HEIGHT 28
#define FIRST_ROWS_MORE 4

/* A load quicker than this shows no spinner: its frames would only take
 * the processor from the load */
#define SPINNER_DELAY_MS 600

/* Shown for a missing value: the rules engine fills "status-label" later,
 * and not every young person has a current placement or a PA. */
#define NO_VALUE "—"

/* Helpers */

static void
spinner_timeout_cb (gpointer user_data)
{
  PathwaysCaseloadView *self = user_data;

  self->spinner_timeout = 0;
  gtk_spinner_set_spinning (self->spinner, self->model == NULL);
}

/* The frame after the first rows were drawn: every row */
static gboolean
first_rows_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (widget);

  if (++self->first_rows_frames < 2)
    return G_SOURCE_CONTINUE;
  self->first_rows_tick = 0;
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* How many rows the first frame with the caseload shows */
static guint
first_rows (PathwaysCaseloadView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0)
    return FIRST_ROWS;
  return MIN (FIRST_ROWS, (guint) height / FIRST_ROWS_MIN_HEIGHT + FIRST_ROWS_MORE);
}

static void
show_all_rows (PathwaysCaseloadView *self)
{
  if (self->first_rows_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_rows_tick);
      self->first_rows_tick = 0;
    }
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

static void
update_state (PathwaysCaseloadView *self)
{
  const char *page;
  guint n_total = 0;
  guint n_visible = 0;

  if (self->model != NULL)
    {
      n_total = g_list_model_get_n_items (self->model);
      n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
    }

  if (self->model == NULL)
    page = "loading";
  else if (n_total == 0)
    page = "empty";
  else if (n_visible == 0)
    page = "no-results";
  else
    page = "list";

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0)
    {
      /* The caseload appears at once when it has loaded; a search fades
       * between the list and "no results" */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
        gtk_stack_set_visible_child_full (self->stack, page, GTK_STACK_TRANSITION_TYPE_NONE);
      else
        gtk_stack_set_visible_child_name (self->stack, page);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VISIBLE]);
  if (self->model != NULL)
    {
      g_clear_handle_id (&self->spinner_timeout, g_source_remove);
      gtk_spinner_set_spinning (self->spinner, FALSE);
    }
  else if (!gtk_spinner_get_spinning (self->spinner) && self->spinner_timeout == 0)
    self->spinner_timeout = g_timeout_add_once (SPINNER_DELAY_MS, spinner_timeout_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_total > 0);

  if (self->model == NULL || n_total == 0)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_label_set_label (self->count_short_label, "");
    }
  else if (n_visible == n_total)
    {
      g_autofree char *text = NULL;

      /* Translators: the number of young people in the caseload */
      text = g_strdup_printf (ngettext ("%'u young person", "%'u young people", n_total), n_total);
      gtk_label_set_label (self->count_label, text);
      gtk_label_set_label (self->count_short_label, text);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: shown while searching: “12 of 60 young people” */
      text = g_strdup_printf (ngettext ("%'u of %'u young person", "%'u of %'u young people", n_total),
                              n_visible, n_total);
      gtk_label_set_label (self->count_label, text);
      g_free (text);
      /* Translators: the same where there is no room for the words: “12 of 60” */
      text = g_strdup_printf (_("%'u of %'u"), n_visible, n_total);
      gtk_label_set_label (self->count_short_label, text);
    }
}

/* A caseload loaded: the rows, or their values updated in place */
static void
show_loaded (PathwaysCaseloadView *self,
             GListModel           *fresh)
{
  if (G_IS_LIST_STORE (self->model))
    {
      /* Rows whose values changed may sort and filter differently now */
      if (pathways_merge_records (G_LIST_STORE (self->model), fresh))
        {
          refill_cells (self);
          gtk_filter_changed (GTK_FILTER (self->every_filter), GTK_FILTER_CHANGE_DIFFERENT);
          gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
        }
      update_state (self);
    }
  else
    {
      g_autoptr(GListStore) rows = g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW);
      guint n = g_list_model_get_n_items (fresh);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (fresh, i);
          g_list_store_append (rows, row);
        }
      pathways_caseload_view_set_model (self, G_LIST_MODEL (rows));
    }
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysCaseloadView) self = user_data;
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = pathways_store_load_caseload_finish (PATHWAYS_STORE (source), result, &error);
  if (fresh == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not load the caseload: %s", error->message);
      if (self->context != NULL)
        {
          /* Translators: %s is an error message from the database */
          AdwToast *toast = adw_toast_new_format (_("Could not load the caseload: %s"), error->message);
          adw_toast_set_timeout (toast, 0);
          pathways_context_add_toast (self->context, toast);
        }
      if (self->model == NULL)
        pathways_caseload_view_set_model (self, G_LIST_MODEL (g_list_store_new (PATHWAYS_TYPE_CASELOAD_ROW)));
      return;
    }

  show_loaded (self, fresh);
}

static void
reload (PathwaysCaseloadView *self)
{
  PathwaysStore *store = pathways_page_get_store (PATHWAYS_PAGE (self));
  g_autofree char *today = NULL;

  if (store == NULL)
    return;
  /* A load under way is superseded by this one */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  today = pathways_context_dup_today (self->context);

  /* The first caseload may have been loaded as the store opened */
  if (self->model == NULL)
    {
      g_autoptr(GListModel) first = pathways_context_take_first_caseload (self->context, store, today);

      if (first != NULL)
        {
          show_loaded (self, first);
          return;
        }
    }
  pathways_store_load_caseload_async (store, today, self->cancellable, loaded_cb, g_object_ref (self));
}

/* The search: every word typed is in the row's search key (names and
 * local id, without accents, case-folded, made once when the caseload
 * loads).  Typing on only narrows what is shown, so only the rows still
 * shown are checked again. */
static gboolean
search_matches (gpointer item,
                gpointer user_data)
{
  PathwaysCaseloadView *self = user_data;
  const char *key;

  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;
  key = pathways_caseload_row_get_search_text (item);
  return pathways_search_matches (key != NULL ? key : "", self->search_words);
}

static void
set_search (PathwaysCaseloadView *self,
            const char           *text)
{
  g_auto(GStrv) words = pathways_search_words (text);
  GtkFilterChange change;

  if (g_strv_equal ((const char * const *) words, (const char * const *) self->search_words))
    {
      g_free (self->search_query);
      self->search_query = g_strdup (text);
      return;
    }
  if (pathways_search_narrows (self->search_query, text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (pathways_search_narrows (text, self->search_query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);
  g_free (self->search_query);
  self->search_query = g_strdup (text);
  gtk_filter_changed (self->search_filter, change);
  /* A new search — or the search cleared — starts at the top of the list */
  {
    GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->column_view));

    if (GTK_IS_SCROLLED_WINDOW (scroller))
      pathways_list_scroll_to (GTK_SCROLLED_WINDOW (scroller), 0);
  }
}

/* PathwaysPage */

static void
pathways_caseload_view_load (PathwaysPage  *page,
                             PathwaysStore *store)
{
  reload (PATHWAYS_CASELOAD_VIEW (page));
}

static void
pathways_caseload_view_changed (PathwaysPage    *page,
                                PathwaysChanges *changes)
{
  /* Everything but a note can change a row: status, alerts, readiness,
   * accommodation, PA, the next move */
  for (guint i = 0; i < pathways_changes_get_n_changes (changes); i++)
    if (!g_str_equal (pathways_changes_get_change (changes, i)->table, "note"))
      {
        reload (PATHWAYS_CASELOAD_VIEW (page));
        return;
      }
  if (pathways_changes_is_everything (changes))
    reload (PATHWAYS_CASELOAD_VIEW (page));
}

static const char *
pathways_caseload_view_get_title (PathwaysPage *page)
{
  return _("Caseload");
}

static const char *
pathways_caseload_view_get_icon_name (PathwaysPage *page)
{
  return "system-users-symbolic";
}

static void
pathways_caseload_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_caseload_view_load;
  iface->changed = pathways_caseload_view_changed;
  iface->get_title = pathways_caseload_view_get_title;
  iface->get_icon_name = pathways_caseload_view_get_icon_name;
}

/* Callbacks */

static void
filter_items_changed_cb (PathwaysCaseloadView *self,
                         guint                 position,
                         guint                 removed,
                         guint                 added,
                         GListModel           *model)
{
  update_state (self);
}

static void
search_changed_cb (PathwaysCaseloadView *self,
                   GtkSearchEntry       *entry)
{
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (PathwaysCaseloadView *self,
                GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The filters of the row above the list: all on row properties, so
 * filtering two thousand rows stays instant */
static gboolean
row_matches (gpointer item,
             gpointer user_data)
{
  PathwaysCaseloadView *self = user_data;
  PathwaysCaseloadRow *row = item;
  guint scope = self->scope, status = self->status, age = self->age, stage = self->stage;

  /* Typed getters: a field found by index, not by name, for each row
   * still shown at every keystroke */
  if (scope == 1 && pathways_caseload_row_get_pa_id (row) != self->my_staff_id)
    return FALSE;
  if (status > 0 && status <= G_N_ELEMENTS (filter_statuses) &&
      g_strcmp0 (pathways_caseload_row_get_status (row),
                 pathways_care_status_code (filter_statuses[status - 1])) != 0)
    return FALSE;
  if (age > 0 && age <= G_N_ELEMENTS (filter_age_bands) &&
      pathways_age_band ((int) pathways_caseload_row_get_age (row)) != filter_age_bands[age - 1])
    return FALSE;
  if (stage > 0 && stage <= G_N_ELEMENTS (filter_stages) &&
      g_strcmp0 (pathways_caseload_row_get_stage (row), pathways_stage_code (filter_stages[stage - 1])) != 0)
    return FALSE;
  if (self->alerts_only && pathways_caseload_row_get_alert_count (row) <= 0)
    return FALSE;
  if (self->uasc_only && !pathways_caseload_row_get_uasc (row))
    return FALSE;
  /* A closed case leaves the caseload; "Archived" shows only those */
  if (self->archived_only != (pathways_caseload_row_get_closed_on (row) != NULL))
    return FALSE;
  return TRUE;
}

static void
read_filters (PathwaysCaseloadView *self)
{
  /* Nothing is read while the template is built or taken apart */
  if (self->scope_dropdown == NULL || self->status_dropdown == NULL || self->age_dropdown == NULL ||
      self->stage_dropdown == NULL || self->alerts_toggle == NULL || self->uasc_toggle == NULL ||
      self->archived_toggle == NULL)
    return;
  self->scope = gtk_drop_down_get_selected (self->scope_dropdown);
  self->status = gtk_drop_down_get_selected (self->status_dropdown);
  self->age = gtk_drop_down_get_selected (self->age_dropdown);
  self->stage = gtk_drop_down_get_selected (self->stage_dropdown);
  self->alerts_only = gtk_toggle_button_get_active (self->alerts_toggle);
  self->uasc_only = gtk_toggle_button_get_active (self->uasc_toggle);
  self->archived_only = gtk_toggle_button_get_active (self->archived_toggle);
}

/* The filters in use, the search aside */
static guint
n_filters (PathwaysCaseloadView *self)
{
  return (self->scope != 0) + (self->status != 0) + (self->age != 0) + (self->stage != 0) +
         (self->alerts_only != FALSE) + (self->uasc_only != FALSE) + (self->archived_only != FALSE);
}

static void
filter_changed_cb (PathwaysCaseloadView *self)
{
  read_filters (self);
  if (self->narrow != NULL)
    pathways_narrow_count_filters (self->narrow, n_filters (self));
  if (self->row_filter != NULL)
    gtk_filter_changed (self->row_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
row_activated_cb (PathwaysCaseloadView *self,
                  guint                 position,
                  GtkColumnView        *view)
{
  g_autoptr(PathwaysRecord) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (row != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, pathways_record_get_id (row));
}

/* Selecting several young people, to reassign them at once ------- */

static void
selection_changed_cb (PathwaysCaseloadView *self)
{
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->multi));
  guint n = (guint) gtk_bitset_get_size (chosen);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u young person selected",
                                                        "%u young people selected", n), n);

  gtk_label_set_label (self->select_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "caseload.reassign", self->selecting && n > 0);
}

static void
set_selecting (PathwaysCaseloadView *self,
               gboolean              selecting)
{
  if (self->selecting == selecting)
    return;
  self->selecting = selecting;
  /* A click selects (Ctrl and Shift add to it) instead of opening */
  gtk_column_view_set_model (self->column_view, selecting ? GTK_SELECTION_MODEL (self->multi)
                                                          : GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_single_click_activate (self->column_view, !selecting);
  pathways_narrow_set_model (self->narrow, selecting ? GTK_SELECTION_MODEL (self->multi)
                                                     : GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_single_click_activate (self->narrow_list, !selecting);
  gtk_list_view_set_enable_rubberband (self->narrow_list, selecting);
  gtk_column_view_set_enable_rubberband (self->column_view, selecting);
  if (!selecting)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->multi));
  gtk_revealer_set_reveal_child (self->select_bar, selecting);
  selection_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTING]);
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (widget);
  g_autoptr(GtkBitset) chosen = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->multi));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkBitsetIter iter;
  guint position;

  if (self->context == NULL)
    return;
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, chosen, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (G_LIST_MODEL (self->multi), position);
      gint64 id = row ? pathways_record_get_id (row) : 0;

      if (id > 0)
        g_array_append_val (ids, id);
    }
  if (ids->len > 0)
    pathways_reassign_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                      (const gint64 *) (gpointer) ids->data, ids->len);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (widget);

  pathways_caseload_view_set_search_text (self, "");
  gtk_drop_down_set_selected (self->scope_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->age_dropdown, 0);
  gtk_drop_down_set_selected (self->stage_dropdown, 0);
  gtk_toggle_button_set_active (self->alerts_toggle, FALSE);
  gtk_toggle_button_set_active (self->uasc_toggle, FALSE);
  gtk_toggle_button_set_active (self->archived_toggle, FALSE);
}

/* The cells: made in code by signal factories, not a builder template
 * per cell — a template is parsed again for every cell the column view
 * makes, which was most of the time the first rows took.  A bound cell
 * follows its row: a caseload refreshed in place changes row objects'
 * properties, and the cell is filled again. */
typedef enum {
  COLUMN_NAME,
  COLUMN_AGE,
  COLUMN_LOCAL_ID,
  COLUMN_STATUS,
  COLUMN_NEXT_DATE,
  COLUMN_READINESS,
  COLUMN_ALERTS,
  COLUMN_ACCOMMODATION,
  COLUMN_SINCE,
  COLUMN_DAYS,
  COLUMN_NEXT_MOVE,
  COLUMN_PA,
} Column;

/* In the table of bound cells: a row of the narrow layout, not a cell */
#define NARROW_ROW (-1)

static void narrow_fill (GtkWidget *box, PathwaysCaseloadRow *row);

static GQuark column_quark;

static GtkWidget *
inscription_new (int         min_chars,
                 int         nat_chars,
                 const char *css_class)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (inscription, css_class);
  return inscription;
}

/* A value above a caption: a date and what it is, a place and its kind */
static GtkWidget *
two_lines_new (int min_chars,
               int nat_chars,
               int caption_nat_chars,
               gboolean numeric)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption = inscription_new (min_chars, caption_nat_chars, "caption");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), inscription_new (min_chars, nat_chars, numeric ? "numeric" : NULL));
  gtk_box_append (GTK_BOX (box), caption);
  return box;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *child = NULL;

  switch (column)
    {
    /* The natural widths (in GTK's generous average characters) hold the
     * demo's longest texts, so that the default columns read whole at
     * 1400 px (test_tables_read_whole_at_1400) */
    case COLUMN_NAME:
      child = inscription_new (10, 14, NULL);
      break;
    case COLUMN_AGE:
      child = inscription_new (3, 3, "numeric");
      break;
    case COLUMN_LOCAL_ID:
      child = inscription_new (8, 8, "numeric");
      break;
    case COLUMN_STATUS:
      child = inscription_new (10, 13, NULL);
      break;
    case COLUMN_NEXT_DATE:
      /* "Universal Credit advance claim" */
      child = two_lines_new (10, 10, 24, TRUE);
      break;
    case COLUMN_NEXT_MOVE:
      child = two_lines_new (10, 10, 23, TRUE);
      break;
    case COLUMN_READINESS:
      {
        GtkWidget *level = gtk_level_bar_new_for_interval (0, 100);

        child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
        gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (child), inscription_new (4, 5, "numeric"));
        gtk_widget_set_size_request (level, 56, -1);
        gtk_widget_set_halign (level, GTK_ALIGN_START);
        gtk_box_append (GTK_BOX (child), level);
      }
      break;
    case COLUMN_ALERTS:
      {
        GtkWidget *count = gtk_label_new (NULL);

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (child), gtk_image_new ());
        gtk_widget_add_css_class (count, "numeric");
        gtk_box_append (GTK_BOX (child), count);
      }
      break;
    case COLUMN_ACCOMMODATION:
      /* "Keystone Young People's Services, Dover Close" */
      child = two_lines_new (14, 35, 27, FALSE);
      break;
    case COLUMN_SINCE:
      child = inscription_new (10, 10, "numeric");
      break;
    case COLUMN_DAYS:
      child = inscription_new (5, 5, "numeric");
      gtk_inscription_set_xalign (GTK_INSCRIPTION (child), 1);
      break;
    case COLUMN_PA:
      child = inscription_new (10, 14, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_list_item_set_child (item, child);
}

static void
set_text (GtkWidget  *inscription,
          const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
}

static void
set_text_or_dash (GtkWidget  *inscription,
                  const char *text)
{
  set_text (inscription, text != NULL && *text != '\0' ? text : NO_VALUE);
}

/* An ISO date as DD/MM/YYYY, made in a buffer: the rows' dates come
 * from the store and the rules, always whole ISO dates */
static void
set_uk_date (GtkWidget  *inscription,
             const char *iso)
{
  char uk[11];

  if (iso == NULL || *iso == '\0')
    {
      set_text (inscription, NO_VALUE);
      return;
    }
  if (strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-' &&
      g_ascii_isdigit (iso[0]) && g_ascii_isdigit (iso[1]) && g_ascii_isdigit (iso[2]) && g_ascii_isdigit (iso[3]) &&
      g_ascii_isdigit (iso[5]) && g_ascii_isdigit (iso[6]) && g_ascii_isdigit (iso[8]) && g_ascii_isdigit (iso[9]))
    {
      memcpy (uk, iso + 8, 2);
      uk[2] = '/';
      memcpy (uk + 3, iso + 5, 2);
      uk[5] = '/';
      memcpy (uk + 6, iso, 4);
      uk[10] = '\0';
      set_text (inscription, uk);
    }
  else
    {
      g_autofree char *other = pathways_date_format_uk (iso);

      set_text (inscription, other);
    }
}

static void
set_number (GtkWidget *inscription,
            gint64     value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  set_text (inscription, text);
}

/* Read by screen readers as well as shown on hover */
static char *
alert_description (gint64 severity,
                   gint64 count)
{
  if (count <= 0)
    return g_strdup (_("No alerts"));
  switch (severity)
    {
    case PATHWAYS_SEVERITY_HIGH:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d alert, high priority",
                                           "%d alerts, the worst high priority", (gulong) count), (int) count);
    case PATHWAYS_SEVERITY_MEDIUM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d alert, medium priority",
                                           "%d alerts, the worst medium priority", (gulong) count), (int) count);
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d alert, low priority",
                                           "%d alerts, all low priority", (gulong) count), (int) count);
    }
}

static void
fill_alerts (GtkWidget           *box,
             PathwaysCaseloadRow *row)
{
  static const char * const classes[] = { "error", "warning", "dim-label" };
  gint64 severity = pathways_caseload_row_get_alert_severity (row);
  gint64 count = pathways_caseload_row_get_alert_count (row);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *description = alert_description (severity, count);
  const char *icon = NULL;
  const char *cls = classes[2];

  switch (severity)
    {
    case PATHWAYS_SEVERITY_HIGH:
      icon = "dialog-error-symbolic";
      cls = classes[0];
      break;
    case PATHWAYS_SEVERITY_MEDIUM:
      icon = "dialog-warning-symbolic";
      cls = classes[1];
      break;
    case PATHWAYS_SEVERITY_LOW:
      icon = "dialog-information-symbolic";
      break;
    default:
      break;
    }
  pathways_cell_set_tooltip (box, description);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (classes[i] != cls)
      gtk_widget_remove_css_class (image, classes[i]);
  gtk_widget_add_css_class (image, cls);
  if (count > 0)
    {
      char text[32];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, count);
      gtk_label_set_label (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (label), "");
}

/* What a screen reader says for the row: "Yonas Abdullahi, 17, eligible,
 * 2 alerts" */
static char *
row_accessible_name (PathwaysCaseloadRow *row)
{
  const char *name = pathways_caseload_row_get_display_name (row);
  const char *status = pathways_caseload_row_get_status_label (row);
  gint64 age = pathways_caseload_row_get_age (row);
  gint64 alerts = pathways_caseload_row_get_alert_count (row);
  g_autofree char *age_text = NULL;
  g_autofree char *status_text = NULL;

  if (age >= 0)
    age_text = g_strdup_printf ("%d", (int) age);
  else
    age_text = g_strdup (_("age not recorded"));
  status_text = g_strdup (status != NULL && *status != '\0' ? status : _("status not known"));
  if (name == NULL || *name == '\0')
    name = _("Unnamed young person");
  if (alerts <= 0)
    /* Translators: a caseload row for a screen reader: name, age, status */
    return g_strdup_printf (_("%1$s, %2$s, %3$s, no alerts"), name, age_text, status_text);
  /* Translators: a caseload row for a screen reader: name, age, status, alerts */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s, %2$s, %3$s, %4$d alert",
                                       "%1$s, %2$s, %3$s, %4$d alerts", (gulong) alerts),
                          name, age_text, status_text, (int) alerts);
}

static void
fill_cell (GtkWidget           *child,
           Column               column,
           PathwaysCaseloadRow *row)
{
  switch (column)
    {
    case COLUMN_NAME:
      {
        g_autofree char *accessible = row_accessible_name (row);

        set_text (child, pathways_caseload_row_get_display_name (row));
        pathways_row_set_accessible_label (child, accessible);
      }
      break;
    case COLUMN_AGE:
      if (pathways_caseload_row_get_age (row) < 0)
        set_text (child, NO_VALUE);
      else
        set_number (child, pathways_caseload_row_get_age (row));
      break;
    case COLUMN_LOCAL_ID:
      set_text_or_dash (child, pathways_caseload_row_get_local_id (row));
      break;
    case COLUMN_STATUS:
      set_text_or_dash (child, pathways_caseload_row_get_status_label (row));
      break;
    case COLUMN_NEXT_DATE:
      set_uk_date (gtk_widget_get_first_child (child), pathways_caseload_row_get_next_key_date (row));
      set_text (gtk_widget_get_last_child (child), pathways_caseload_row_get_next_key_date_label (row));
      break;
    case COLUMN_NEXT_MOVE:
      set_uk_date (gtk_widget_get_first_child (child), pathways_caseload_row_get_next_move_date (row));
      set_text (gtk_widget_get_last_child (child), pathways_caseload_row_get_next_move_to (row));
      break;
    case COLUMN_READINESS:
      {
        gint64 percent = pathways_caseload_row_get_readiness (row);
        GtkWidget *level = gtk_widget_get_last_child (child);
        char text[32];
        char tooltip[256];

        if (percent < 0)
          {
            g_strlcpy (text, NO_VALUE, sizeof text);
            g_strlcpy (tooltip, _("No milestones yet"), sizeof tooltip);
          }
        else
          {
            /* Translators: a readiness percentage */
            g_snprintf (text, sizeof text, _("%d%%"), (int) percent);
            g_snprintf (tooltip, sizeof tooltip, _("%d%% of milestones done, weighted"), (int) percent);
          }
        set_text (gtk_widget_get_first_child (child), text);
        gtk_level_bar_set_value (GTK_LEVEL_BAR (level), (double) MAX (percent, 0));
        pathways_cell_set_tooltip (level, tooltip);
      }
      break;
    case COLUMN_ALERTS:
      fill_alerts (child, row);
      break;
    case COLUMN_ACCOMMODATION:
      {
        const char *accommodation = pathways_caseload_row_get_accommodation (row);
        const char *kind = pathways_caseload_row_get_accommodation_kind (row);
        GtkWidget *caption = gtk_widget_get_last_child (child);

        set_text_or_dash (gtk_widget_get_first_child (child), accommodation);
        set_text (caption, kind);
        /* The kind goes under the name, unless it would only repeat it
         * ("Children's home" twice) */
        gtk_widget_set_visible (caption, kind != NULL && *kind != '\0' && g_strcmp0 (kind, accommodation) != 0);
      }
      break;
    case COLUMN_SINCE:
      set_uk_date (child, pathways_caseload_row_get_accommodation_since (row));
      break;
    case COLUMN_DAYS:
      if (pathways_caseload_row_get_accommodation_since (row) == NULL)
        set_text (child, NO_VALUE);
      else
        set_number (child, pathways_caseload_row_get_days_in_accommodation (row));
      break;
    case COLUMN_PA:
      set_text_or_dash (child, pathways_caseload_row_get_pa_name (row));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A bound cell is in the view's table of bound cells, not connected to
 * its row: a connection per cell at every bind (up to 200 rows of twelve
 * cells when a search changes the rows shown) cost more than filling it.
 * A caseload refreshed in place fills them all again (refill_cells()). */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PathwaysCaseloadView     *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (factory), column_quark));

  fill_cell (gtk_list_item_get_child (item), column, gtk_list_item_get_item (item));
  g_hash_table_insert (self->bound, item, GINT_TO_POINTER (column));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PathwaysCaseloadView     *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
refill_cells (PathwaysCaseloadView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, &column))
    {
      GtkWidget *child = gtk_list_item_get_child (item);
      gpointer row = gtk_list_item_get_item (item);

      if (child == NULL || row == NULL)
        continue;
      if (GPOINTER_TO_INT (column) == NARROW_ROW)
        narrow_fill (child, row);
      else
        fill_cell (child, GPOINTER_TO_INT (column), row);
    }
}

/* The narrow layout ---------------------------------------------------
 *
 * One row a young person: the name, with the status, age and where they
 * live under it, and the alerts at the end.  The list view has the same
 * selection model as the table, and only while it is shown: the table's
 * rows are not made twice. */

static void
narrow_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *alerts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = inscription_new (10, 30, "heading");
  GtkWidget *caption = inscription_new (10, 40, "caption");
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_widget_set_valign (lines, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (lines), name);
  gtk_box_append (GTK_BOX (lines), caption);
  gtk_widget_set_valign (alerts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (alerts), gtk_image_new ());
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (alerts), count);
  gtk_box_append (GTK_BOX (box), lines);
  gtk_box_append (GTK_BOX (box), alerts);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_list_item_set_child (item, box);
}

static void
narrow_fill (GtkWidget           *box,
             PathwaysCaseloadRow *row)
{
  GtkWidget *lines = gtk_widget_get_first_child (box);
  const char *status = pathways_caseload_row_get_status_label (row);
  const char *accommodation = pathways_caseload_row_get_accommodation (row);
  gint64 age = pathways_caseload_row_get_age (row);
  g_autofree char *accessible = row_accessible_name (row);
  g_autofree char *age_text = NULL;
  g_autofree char *caption = NULL;

  if (age >= 0)
    /* Translators: a young person's age in the narrow caseload, "aged 17" */
    age_text = g_strdup_printf (_("aged %d"), (int) age);
  /* Translators: the second line of a young person's row in a narrow
   * window: their status, their age ("aged 17") and where they live */
  caption = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                             status != NULL && *status != '\0' ? status : NO_VALUE,
                             age_text != NULL ? age_text : NO_VALUE,
                             accommodation != NULL && *accommodation != '\0' ? accommodation : NO_VALUE);
  set_text (gtk_widget_get_first_child (lines), pathways_caseload_row_get_display_name (row));
  set_text (gtk_widget_get_last_child (lines), caption);
  fill_alerts (gtk_widget_get_last_child (box), row);
  pathways_row_set_accessible_label (box, accessible);
}

/* A narrow row is in the view's table of bound cells too, as
 * NARROW_ROW: refill_cells() fills it again after a refresh in place */
static void
narrow_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PathwaysCaseloadView     *self)
{
  narrow_fill (gtk_list_item_get_child (item), gtk_list_item_get_item (item));
  g_hash_table_insert (self->bound, item, GINT_TO_POINTER (NARROW_ROW));
}

static void
narrow_activated_cb (PathwaysCaseloadView *self,
                     guint                 position,
                     GtkListView          *view)
{
  gint64 id = pathways_narrow_row_id (view, position);

  if (id > 0)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, id);
}

static void
narrow_changed_cb (GtkWidget *widget,
                   gboolean   narrow_changed)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (widget);
  gboolean narrow = pathways_narrow_is_narrow (self->narrow);

  if (!narrow_changed)
    return;
  /* The search, the count and the buttons share 360 px: the count has
   * its width first (or wraps), the search what is left */
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->search_entry), narrow ? 10 : 30);
  /* The placeholder is part of the entry's natural width (its accessible
   * name still says what it searches) */
  g_object_set (self->search_entry, "placeholder-text", narrow ? _("Search") : _("Search by name or local ID"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), narrow);
  gtk_widget_set_hexpand (self->count_squeezer, !narrow);
  gtk_box_set_spacing (self->search_box, narrow ? 6 : 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_box), narrow ? 6 : 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_box), narrow ? 6 : 12);
  g_object_notify_by_pspec (G_OBJECT (widget), properties[PROP_NARROW]);
}

/* The sorters compare what the worker thread made: collation keys of the
 * text columns, ISO dates, numbers.  No missing value sorts before a
 * present one for dates, except a move: no move sorts after every move. */
static int
compare_strings (const char *a,
                 const char *b)
{
  int cmp = strcmp (a != NULL ? a : "", b != NULL ? b : "");
  return (cmp > 0) - (cmp < 0);
}

static int
compare_ints (gint64 a,
              gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PathwaysCaseloadRow *x = (PathwaysCaseloadRow *) a, *y = (PathwaysCaseloadRow *) b;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      return compare_strings (pathways_caseload_row_get_name_sort_key (x), pathways_caseload_row_get_name_sort_key (y));
    case COLUMN_AGE:
      return compare_ints (pathways_caseload_row_get_age (x), pathways_caseload_row_get_age (y));
    case COLUMN_LOCAL_ID:
      return compare_strings (pathways_caseload_row_get_local_id (x), pathways_caseload_row_get_local_id (y));
    case COLUMN_STATUS:
      return compare_strings (pathways_caseload_row_get_status_sort_key (x),
                              pathways_caseload_row_get_status_sort_key (y));
    case COLUMN_NEXT_DATE:
      return compare_strings (pathways_caseload_row_get_next_key_date (x), pathways_caseload_row_get_next_key_date (y));
    case COLUMN_READINESS:
      return compare_ints (pathways_caseload_row_get_readiness (x), pathways_caseload_row_get_readiness (y));
    case COLUMN_ALERTS:
      /* Worst first, then most */
      return -compare_ints (pathways_caseload_row_get_alert_severity (x) * 1000 + pathways_caseload_row_get_alert_count (x),
                            pathways_caseload_row_get_alert_severity (y) * 1000 + pathways_caseload_row_get_alert_count (y));
    case COLUMN_ACCOMMODATION:
      return compare_strings (pathways_caseload_row_get_accommodation_sort_key (x),
                              pathways_caseload_row_get_accommodation_sort_key (y));
    case COLUMN_SINCE:
      return compare_strings (pathways_caseload_row_get_accommodation_since (x),
                              pathways_caseload_row_get_accommodation_since (y));
    case COLUMN_DAYS:
      return compare_ints (pathways_caseload_row_get_days_in_accommodation (x),
                           pathways_caseload_row_get_days_in_accommodation (y));
    case COLUMN_NEXT_MOVE:
      {
        const char *p = pathways_caseload_row_get_next_move_date (x);
        const char *q = pathways_caseload_row_get_next_move_date (y);

        return compare_strings (p != NULL ? p : "9999-99-99", q != NULL ? q : "9999-99-99");
      }
    case COLUMN_PA:
      return compare_strings (pathways_caseload_row_get_pa_sort_key (x), pathways_caseload_row_get_pa_sort_key (y));
    default:
      g_assert_not_reached ();
    }
}

static void
setup_column (PathwaysCaseloadView *self,
              GtkColumnViewColumn  *column,
              Column                which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (which), NULL);

  g_object_set_qdata (G_OBJECT (factory), column_quark, GINT_TO_POINTER (which));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (which));
  g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (cell_unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (cell_unbind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GtkWidget overrides */

/* Frames stop when the view is hidden: it has every row before then */
/* A bin of the template's box; its own allocation, to see the width */
static void
pathways_caseload_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  pathways_narrow_measure (PATHWAYS_CASELOAD_VIEW (widget)->narrow, orientation, for_size, minimum, natural,
                           minimum_baseline, natural_baseline);
}

static void
pathways_caseload_view_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  pathways_narrow_allocate (PATHWAYS_CASELOAD_VIEW (widget)->narrow, width, height, baseline, FALSE);
}

static void
pathways_caseload_view_unmap (GtkWidget *widget)
{
  show_all_rows (PATHWAYS_CASELOAD_VIEW (widget));
  GTK_WIDGET_CLASS (pathways_caseload_view_parent_class)->unmap (widget);
}

/* GObject overrides */

static void
pathways_caseload_view_dispose (GObject *object)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    pathways_table_save_now (self->column_view);
  pathways_page_detach (PATHWAYS_PAGE (self));
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_pointer (&self->narrow, pathways_narrow_free);
  if (self->first_rows_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_rows_tick);
      self->first_rows_tick = 0;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_func (self->filter_model, filter_items_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_CASELOAD_VIEW);

  /* The template's top-level box is not a bound child: unparent it */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->row_filter);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->multi);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_caseload_view_parent_class)->dispose (object);
}

static void
pathways_caseload_view_constructed (GObject *object)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (object);

  G_OBJECT_CLASS (pathways_caseload_view_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  /* "My caseload" is the signed-in member of staff's */
  g_object_bind_property (self->context, "staff-id", self, "my-staff-id", G_BINDING_SYNC_CREATE);
  /* The columns as the person left them */
  pathways_table_bind_settings (self->column_view, pathways_context_get_settings (self->context), "caseload-columns");
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_caseload_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_MY_STAFF_ID:
      g_value_set_int64 (value, self->my_staff_id);
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, pathways_caseload_view_get_visible_page (self));
      break;

    case PROP_N_VISIBLE:
      g_value_set_uint (value, pathways_caseload_view_get_n_visible (self));
      break;

    case PROP_SELECTING:
      g_value_set_boolean (value, self->selecting);
      break;

    case PROP_NARROW:
      g_value_set_boolean (value, pathways_narrow_is_narrow (self->narrow));
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
pathways_caseload_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PathwaysCaseloadView *self = PATHWAYS_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      pathways_caseload_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_MY_STAFF_ID:
      if (self->my_staff_id != g_value_get_int64 (value))
        {
          self->my_staff_id = g_value_get_int64 (value);
          filter_changed_cb (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SELECTING:
      set_selecting (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_caseload_view_class_init (PathwaysCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_caseload_view_constructed;
  object_class->dispose = pathways_caseload_view_dispose;
  object_class->get_property = pathways_caseload_view_get_property;
  object_class->set_property = pathways_caseload_view_set_property;
  widget_class->unmap = pathways_caseload_view_unmap;
  widget_class->size_allocate = pathways_caseload_view_size_allocate;
  widget_class->measure = pathways_caseload_view_measure;

  /**
   * PathwaysCaseloadView:model:
   *
   * The caseload, a #GListModel of #PathwaysCaseloadRow, or %NULL while
   * it is loading.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysCaseloadView:my-staff-id:
   *
   * The personal adviser whose young people "My Caseload" shows.
   */
  properties[PROP_MY_STAFF_ID] =
    g_param_spec_int64 ("my-staff-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysCaseloadView:visible-page:
   *
   * What the view shows: "loading", "empty", "no-results" or "list".
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "loading",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysCaseloadView:n-visible:
   *
   * How many young people the search and filters leave in the list.
   */
  properties[PROP_N_VISIBLE] =
    g_param_spec_uint ("n-visible", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysCaseloadView:selecting:
   *
   * Whether a click selects rows (to reassign them) instead of opening one.
   */
  properties[PROP_SELECTING] =
    g_param_spec_boolean ("selecting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PathwaysCaseloadView:narrow:
   *
   * Whether the view is too narrow for the table and shows the list of
   * two-line rows instead.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  /**
   * PathwaysCaseloadView::person-activated:
   * @person_id: the young person
   */
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  column_quark = g_quark_from_static_string ("pathways-caseload-column");

  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-caseload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, count_short_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, count_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, local_id_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, since_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, days_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, next_move_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, name_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, age_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, status_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, next_date_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, readiness_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, alerts_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, accommodation_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, pa_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, selection);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, every_filter);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, alerts_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, uasc_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, filters_badge);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, search_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, narrow_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "caseload.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "caseload.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "caseload.select-mode", "selecting");
  gtk_widget_class_install_action (widget_class, "caseload.reassign", NULL, reassign_action);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, select_bar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCaseloadView, select_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "caseload.focus-search", NULL);

  gtk_widget_class_set_css_name (widget_class, "caseloadview");
}

static void
pathways_caseload_view_init (PathwaysCaseloadView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->bound = g_hash_table_new (g_direct_hash, g_direct_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->narrow = pathways_narrow_new (GTK_WIDGET (self), self->layout_stack, self->narrow_list, narrow_changed_cb);
  pathways_narrow_add_filters (self->narrow, self->filters_button, self->filters_revealer, self->filters_badge);
  /* Filters keep their width whatever is picked */
  pathways_drop_down_keep_width (self->scope_dropdown);
  pathways_drop_down_keep_width (self->status_dropdown);
  pathways_drop_down_keep_width (self->age_dropdown);
  pathways_drop_down_keep_width (self->stage_dropdown);

  /* A narrow window keeps the columns that matter most */
  pathways_column_view_name_header (self->column_view);
  pathways_fold_columns (self->column_view, 1000, self->local_id_column, self->since_column,
                         self->days_column, self->next_move_column, NULL);
  /* Columns to choose, resize and reorder, kept in settings (constructed) */
  pathways_table_init (GTK_WIDGET (self), self->column_view,
                       "name", self->name_column, "age", self->age_column, "local-id", self->local_id_column,
                       "status", self->status_column, "next-key-date", self->next_date_column,
                       "readiness", self->readiness_column, "alerts", self->alerts_column,
                       "accommodation", self->accommodation_column, "since", self->since_column,
                       "days-there", self->days_column, "next-move", self->next_move_column,
                       "pa", self->pa_column, NULL);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (narrow_setup_cb), NULL);
    g_signal_connect_object (factory, "bind", G_CALLBACK (narrow_bind_cb), self, 0);
    g_signal_connect_object (factory, "unbind", G_CALLBACK (cell_unbind_cb), self, 0);
    g_signal_connect_object (factory, "teardown", G_CALLBACK (cell_unbind_cb), self, 0);
    gtk_list_view_set_factory (self->narrow_list, factory);
    pathways_truncation_tooltips (GTK_WIDGET (self->narrow_list));
  }

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    gtk_string_list_append (statuses, pathways_care_status_label (filter_statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_stages); i++)
    gtk_string_list_append (stages, pathways_stage_label (filter_stages[i]));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  setup_column (self, self->name_column, COLUMN_NAME);
  setup_column (self, self->age_column, COLUMN_AGE);
  setup_column (self, self->local_id_column, COLUMN_LOCAL_ID);
  setup_column (self, self->status_column, COLUMN_STATUS);
  setup_column (self, self->next_date_column, COLUMN_NEXT_DATE);
  setup_column (self, self->readiness_column, COLUMN_READINESS);
  setup_column (self, self->alerts_column, COLUMN_ALERTS);
  setup_column (self, self->accommodation_column, COLUMN_ACCOMMODATION);
  setup_column (self, self->since_column, COLUMN_SINCE);
  setup_column (self, self->days_column, COLUMN_DAYS);
  setup_column (self, self->next_move_column, COLUMN_NEXT_MOVE);
  setup_column (self, self->pa_column, COLUMN_PA);

  self->search_words = g_new0 (char *, 1);
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (search_matches, self, NULL));
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter), g_object_ref (self->search_filter));
  read_filters (self);
  self->row_filter = GTK_FILTER (gtk_custom_filter_new (row_matches, self, NULL));
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->every_filter), g_object_ref (self->row_filter));

  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), 0, G_MAXUINT);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->first_rows));
  pathways_narrow_set_model (self->narrow, GTK_SELECTION_MODEL (self->selection));
  self->multi = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  g_signal_connect_object (self->multi, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection_changed_cb (self);

  /* The sorter reads the rows in its own order: from an array, not from
   * the store's tree */
  self->rows = pathways_array_model_new ();
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->rows));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  /* Typing anywhere in the caseload starts a search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* Down from the search goes to the results, Enter opens a single match;
   * each filter is one Tab stop */
  pathways_search_leads_to (self->search_entry, self->column_view);
  pathways_column_view_set_narrow_list (self->column_view, self->narrow_list);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
}

/* Public API */

/**
 * pathways_caseload_view_new:
 * @context: (nullable): the application's context; without one the view
 *   shows only the model it is given (pathways_caseload_view_set_model())
 */
GtkWidget *
pathways_caseload_view_new (PathwaysContext *context)
{
  return g_object_new (PATHWAYS_TYPE_CASELOAD_VIEW, "context", context, NULL);
}

/**
 * pathways_caseload_view_get_model:
 *
 * Returns: (transfer none) (nullable): the caseload, or %NULL while loading
 */
GListModel *
pathways_caseload_view_get_model (PathwaysCaseloadView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self), NULL);

  return self->model;
}

/**
 * pathways_caseload_view_set_model:
 * @model: (nullable): a #GListModel of #PathwaysCaseloadRow, or %NULL to
 *   show that the caseload is loading
 */
void
pathways_caseload_view_set_model (PathwaysCaseloadView *self,
                                  GListModel           *model)
{
  g_return_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));
  g_return_if_fail (model == NULL ||
                    g_type_is_a (g_list_model_get_item_type (model), PATHWAYS_TYPE_CASELOAD_ROW));

  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->column_view));
  GtkAdjustment *vadjustment = GTK_IS_SCROLLED_WINDOW (scroller)
                               ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  double scrolled = vadjustment ? gtk_adjustment_get_value (vadjustment) : 0;
  gboolean refresh = self->model != NULL && model != NULL;

  if (!g_set_object (&self->model, model))
    return;

  /* A first caseload is shown from its first rows, the rest a frame later */
  if (!refresh && model != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_list_model_get_n_items (model) > first_rows (self))
    {
      gtk_slice_list_model_set_size (self->first_rows, first_rows (self));
      self->first_rows_frames = 0;
      if (self->first_rows_tick == 0)
        self->first_rows_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_rows_tick_cb, NULL, NULL);
    }
  else
    show_all_rows (self);
  pathways_array_model_set_model (self->rows, model);
  update_state (self);

  /* A refreshed caseload stays where it was scrolled to */
  if (refresh && vadjustment != NULL)
    pathways_list_scroll_to (GTK_SCROLLED_WINDOW (scroller), scrolled);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * pathways_caseload_view_get_column_view:
 *
 * Returns: (transfer none): the column view showing the caseload
 */
GtkColumnView *
pathways_caseload_view_get_column_view (PathwaysCaseloadView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self), NULL);

  return self->column_view;
}

/**
 * pathways_caseload_view_get_n_visible:
 *
 * Returns: the number of young people the search leaves visible
 */
guint
pathways_caseload_view_get_n_visible (PathwaysCaseloadView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/**
 * pathways_caseload_view_set_search_text:
 *
 * Types @text into the search entry and filters at once, without the
 * entry's typing delay.
 */
void
pathways_caseload_view_set_search_text (PathwaysCaseloadView *self,
                                        const char           *text)
{
  g_return_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self));

  if (text == NULL)
    text = "";

  /* The entry empties itself before it takes the new text, and says so
   * at once ("search-changed" has no delay for an empty entry): the
   * search would show every row and then filter them all again */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  set_search (self, text);
}

/**
 * pathways_caseload_view_get_visible_page:
 *
 * Returns: "loading", "empty", "no-results" or "list"
 */
const char *
pathways_caseload_view_get_visible_page (PathwaysCaseloadView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * pathways_caseload_view_select_filter:
 * @filter: "scope", "status", "age", "stage", "alerts", "uasc" or "archived"
 * @position: the position in the drop-down (0 is "all"); for the
 *   toggles, 1 is on
 *
 * Chooses a filter as a person would.
 */
void
pathways_caseload_view_select_filter (PathwaysCaseloadView *self,
                                      const char           *filter,
                                      guint                 position)
{
  g_return_if_fail (PATHWAYS_IS_CASELOAD_VIEW (self));

  if (g_str_equal (filter, "scope"))
    gtk_drop_down_set_selected (self->scope_dropdown, position);
  else if (g_str_equal (filter, "status"))
    gtk_drop_down_set_selected (self->status_dropdown, position);
  else if (g_str_equal (filter, "age"))
    gtk_drop_down_set_selected (self->age_dropdown, position);
  else if (g_str_equal (filter, "stage"))
    gtk_drop_down_set_selected (self->stage_dropdown, position);
  else if (g_str_equal (filter, "alerts"))
    gtk_toggle_button_set_active (self->alerts_toggle, position != 0);
  else if (g_str_equal (filter, "uasc"))
    gtk_toggle_button_set_active (self->uasc_toggle, position != 0);
  else if (g_str_equal (filter, "archived"))
    gtk_toggle_button_set_active (self->archived_toggle, position != 0);
  else
    g_return_if_reached ();
}
