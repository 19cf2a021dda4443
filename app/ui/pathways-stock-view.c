/* pathways-stock-view.c — the housing liaison workspace
 *
 * Three views of the housing stock: the register (a column view of every
 * unit with search and filters, under counts at a glance for each kind),
 * "coming free" (units freed by planned move-outs and the ends of voids
 * in the next 1, 3, 6 or 12 months, grouped by kind and area), and a
 * unit's own page.  The register stays alive underneath the unit's page,
 * so "Back" returns to the same scroll position and filters.
 *
 * A PathwaysPage.  The view holds no data of its own: the core loads the
 * register, the counts, the free-on-a-date set and the coming-free list
 * in worker threads, and the view shapes them with a filter and the
 * column sorter.  After a change to the store it loads them again and
 * updates the register's rows in place, so the selection and the scroll
 * position stay; a unit's page refreshes itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-stock-view"

#include "config.h"

#include "pathways-fold.h"
#include "pathways-narrow.h"
#include "pathways-table.h"
#include "pathways-wrap-box.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-unit-editor.h"
#include "pathways-unit-page.h"

#include "pathways-page.h"
#include "pathways-stock-view.h"
#include "pathways-keyboard.h"
#include "pathways-row-name.h"
#include "pathways-stock-view-private.h"
#include "pathways-widgets.h"

struct _PathwaysStockView
{
  GtkWidget parent_instance;

  PathwaysContext   *context;
  PathwaysStore     *store;       /* the context's, once loaded */
  GListModel        *model;       /* PathwaysStockRow, or NULL while loading */
  GListModel        *coming;      /* PathwaysStockRow coming free */
  char              *today;
  GPtrArray         *areas;       /* the area dropdown's choices after "All areas" */
  GCancellable      *cancellable;
  GCancellable      *free_cancellable;
  GCancellable      *coming_cancellable;
  guint              busy;
  gboolean           coming_stale;
  gboolean           updating;    /* widgets being set from code */
  double             saved_scroll;

  /* Filters */
  GtkCustomFilter   *filter;
  char              *search;      /* casefolded */
  const char        *kind;        /* a vocab code (static) or NULL */
  char              *area;
  const char        *status;      /* a vocab code, "retired", or NULL */
  PathwaysAuthorityFilter authority;
  PathwaysAgeFilter  ages;
  gboolean           registered;
  gint64             max_cost;    /* pence; 0: any */
  char              *available_on;
  GHashTable        *free_units;  /* for available_on; NULL while computing */
  int                coming_months;

  /* Template widgets */
  GtkStack            *outer_stack;
  GtkStack            *inner_stack;
  GtkLabel            *count_label;
  GtkWidget           *add_unit_button;
  GtkWidget           *import_stock_button;
  GtkWidget           *import_icon;  /* the buttons' faces in a narrow window */
  GtkWidget           *add_icon;
  GListStore          *counts_store;
  GtkFlowBox          *counts_box;
  GtkSearchEntry      *search_entry;
  PathwaysWrapBox     *filter_box;
  GtkRevealer         *filters_revealer;
  GtkToggleButton     *filters_button;
  GtkLabel            *filters_badge;
  GtkEntry            *available_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *area_dropdown;
  GtkDropDown         *authority_dropdown;
  GtkDropDown         *age_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *cost_dropdown;
  GtkToggleButton     *registered_toggle;
  GtkStack            *list_stack;
  GtkSpinner          *spinner;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *ages_column;
  GtkColumnViewColumn *support_column;
  GtkColumnViewColumn *registration_column;
  GtkColumnViewColumn *commissioning_column;
  GtkColumnViewColumn *area_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *cost_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *available_column;
  GtkColumnViewColumn *occupant_column;
  GtkSingleSelection  *selection;
  /* Below PATHWAYS_NARROW_WIDTH the table folds to a list of the same rows */
  GtkStack            *layout_stack;
  GtkListView         *narrow_list;
  GtkBox              *toolbar;
  GtkBox              *narrow_search_row;
  PathwaysNarrow      *narrow;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkLabel            *coming_count_label;
  GtkStack            *coming_stack;
  GtkSpinner          *coming_spinner;
  GtkBox              *coming_box;
  AdwBin              *unit_bin;
  PathwaysUnitPage    *unit_page;
};

static void pathways_stock_view_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysStockView, pathways_stock_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_stock_view_page_init))

enum {
  PROP_0,
  PROP_COMING_MONTHS,
  PROP_NARROW,
  N_PROPS,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static GParamSpec *properties[N_PROPS];

#define NO_VALUE "—"

/* From this width Import… and Add Unit have their labels: below it the
 * search would take their room and leave each a wide button round an
 * icon */
#define BUTTON_LABELS_WIDTH 780
/* Below this height the cards would leave the list no room */
#define CARDS_MIN_HEIGHT 600

static const char *const status_codes[] = { NULL, "available", "occupied", "reserved", "void", "offline", "retired" };
static const gint64 cost_bands[] = { 0, 15000, 25000, 50000, 100000, 150000 };

static void load_coming_free (PathwaysStockView *self);

/* Helpers */

static void
add_toast (PathwaysStockView *self,
           AdwToast          *toast)
{
  pathways_context_add_toast (self->context, toast);
}

static gboolean
row_is_retired (PathwaysStockView *self,
                PathwaysRecord    *row)
{
  const char *retired = pathways_record_get_string (row, "retired-on");

  return retired != NULL && self->today != NULL && strcmp (retired, self->today) <= 0;
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PathwaysStockView *self = user_data;
  PathwaysRecord *row = item;
  gint64 min_age, max_age;

  if (self->status != NULL && g_str_equal (self->status, "retired"))
    {
      if (!row_is_retired (self, row))
        return FALSE;
    }
  else
    {
      if (row_is_retired (self, row))
        return FALSE;
      if (self->status != NULL && g_strcmp0 (pathways_record_get_string (row, "status"), self->status) != 0)
        return FALSE;
    }

  if (self->search != NULL && *self->search != '\0')
    {
      const char *text = pathways_record_get_string (row, "search-text");
      if (text == NULL || strstr (text, self->search) == NULL)
        return FALSE;
    }
  if (self->kind != NULL && g_strcmp0 (pathways_record_get_string (row, "kind"), self->kind) != 0)
    return FALSE;
  if (self->area != NULL && g_strcmp0 (pathways_record_get_string (row, "area"), self->area) != 0)
    return FALSE;
  if (self->authority != PATHWAYS_AUTHORITY_ANY &&
      pathways_record_get_bool (row, "in-authority") != (self->authority == PATHWAYS_AUTHORITY_INSIDE))
    return FALSE;

  /* 0 is "no limit" for either end of the range */
  min_age = pathways_record_get_int (row, "min-age");
  max_age = pathways_record_get_int (row, "max-age");
  if (self->ages == PATHWAYS_AGES_16_17 && (min_age > 17 || (max_age != 0 && max_age < 16)))
    return FALSE;
  if (self->ages == PATHWAYS_AGES_18_PLUS && max_age != 0 && max_age < 18)
    return FALSE;

  if (self->registered && g_strcmp0 (pathways_record_get_string (row, "registration"), "registered") != 0)
    return FALSE;
  if (self->max_cost > 0 && pathways_record_get_int (row, "weekly-cost") > self->max_cost)
    return FALSE;
  if (self->available_on != NULL && self->free_units != NULL)
    {
      gint64 id = pathways_record_get_id (row);
      if (!g_hash_table_contains (self->free_units, &id))
        return FALSE;
    }
  return TRUE;
}

/* The filters in use, the search aside */
static guint
n_filters (PathwaysStockView *self)
{
  return (self->kind != NULL) + (self->area != NULL) + (self->status != NULL) + (self->authority != 0) +
         (self->ages != 0) + (self->registered != FALSE) + (self->max_cost != 0) + (self->available_on != NULL);
}

static gboolean
any_filter (PathwaysStockView *self)
{
  return (self->search != NULL && *self->search) || n_filters (self) > 0;
}

static void
update_state (PathwaysStockView *self)
{
  guint n_total = 0;
  guint n_visible = 0;
  const char *page;

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
  gtk_stack_set_visible_child_name (self->list_stack, page);
  gtk_spinner_set_spinning (self->spinner, self->model == NULL);

  if (self->model == NULL || n_total == 0)
    gtk_label_set_label (self->count_label, "");
  else if (!any_filter (self))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u unit", "%u units", n_total), n_total);
      gtk_label_set_label (self->count_label, text);
    }
  else
    {
      /* Translators: shown while filtering: “12 of 120 units” */
      g_autofree char *text = g_strdup_printf (ngettext ("%u of %u unit", "%u of %u units", n_total),
                                               n_visible, n_total);
      gtk_label_set_label (self->count_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stock.clear-filters", any_filter (self));
  pathways_narrow_count_filters (self->narrow, n_filters (self));
  {
    /* A personal adviser sees the stock but does not add units */
    const char *role = self->context ? pathways_context_get_role (self->context) : NULL;
    g_autofree char *why = pathways_role_dup_refusal (role, PATHWAYS_MAY_EDIT_STOCK);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "stock.add-unit", self->store != NULL && why == NULL);
    /* The reason where the button is (a disabled button still shows its tooltip) */
    gtk_widget_set_tooltip_text (self->add_unit_button, why ? why : _("Add a unit to the register"));
  }
}

static void
refilter (PathwaysStockView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static GtkStringList *
kind_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const PathwaysVocabEntry *kinds;
  guint n;

  gtk_string_list_append (list, _("All kinds"));
  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kinds[i].code));
  return list;
}

static GtkStringList *
status_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any status"));
  for (guint i = 1; i < G_N_ELEMENTS (status_codes) - 1; i++)
    gtk_string_list_append (list, pathways_vocab_label (PATHWAYS_VOCAB_UNIT_STATUS, status_codes[i]));
  gtk_string_list_append (list, _("Retired"));
  return list;
}

static GtkStringList *
cost_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any weekly cost"));
  for (guint i = 1; i < G_N_ELEMENTS (cost_bands); i++)
    {
      g_autofree char *money = pathways_money_format (cost_bands[i]);
      /* Translators: a maximum weekly cost, e.g. "Up to £250 a week" */
      g_autofree char *text = g_strdup_printf (_("Up to %s a week"), money);
      gtk_string_list_append (list, text);
    }
  return list;
}

static int
compare_areas (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The areas in the register, for the area filter; the choice survives a
 * reload when the area is still there */
static void
update_areas (PathwaysStockView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *keep = g_strdup (self->area);
  guint selected = 0;

  g_ptr_array_set_size (self->areas, 0);
  for (guint i = 0; self->model && i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(PathwaysRecord) row = g_list_model_get_item (self->model, i);
      const char *area = pathways_record_get_string (row, "area");

      if (area != NULL && !g_hash_table_contains (seen, area))
        {
          g_hash_table_add (seen, (gpointer) area);
          g_ptr_array_add (self->areas, g_strdup (area));
        }
    }
  g_ptr_array_sort (self->areas, compare_areas);

  gtk_string_list_append (list, _("All areas"));
  for (guint i = 0; i < self->areas->len; i++)
    {
      gtk_string_list_append (list, self->areas->pdata[i]);
      if (keep != NULL && g_str_equal (keep, self->areas->pdata[i]))
        selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->area_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->area_dropdown, selected);
  self->updating = FALSE;
  g_free (self->area);
  self->area = selected > 0 ? g_strdup (self->areas->pdata[selected - 1]) : NULL;
}

static void
read_filter_widgets (PathwaysStockView *self)
{
  const PathwaysVocabEntry *kinds;
  guint n_kinds, i;

  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n_kinds);
  i = gtk_drop_down_get_selected (self->kind_dropdown);
  self->kind = i > 0 && i <= n_kinds ? kinds[i - 1].code : NULL;

  i = gtk_drop_down_get_selected (self->area_dropdown);
  g_free (self->area);
  self->area = i > 0 && i <= self->areas->len ? g_strdup (self->areas->pdata[i - 1]) : NULL;

  i = gtk_drop_down_get_selected (self->status_dropdown);
  self->status = i < G_N_ELEMENTS (status_codes) ? status_codes[i] : NULL;

  i = gtk_drop_down_get_selected (self->authority_dropdown);
  self->authority = i <= PATHWAYS_AUTHORITY_OUTSIDE ? (PathwaysAuthorityFilter) i : PATHWAYS_AUTHORITY_ANY;

  i = gtk_drop_down_get_selected (self->age_dropdown);
  self->ages = i <= PATHWAYS_AGES_18_PLUS ? (PathwaysAgeFilter) i : PATHWAYS_AGES_ANY;

  i = gtk_drop_down_get_selected (self->cost_dropdown);
  if (i < G_N_ELEMENTS (cost_bands))
    self->max_cost = cost_bands[i];

  self->registered = gtk_toggle_button_get_active (self->registered_toggle);
}

static void
scroll_to_top_cb (gpointer data)
{
  g_autoptr(PathwaysStockView) self = data;

  pathways_list_scroll_to (self->list_scroller, 0);
}

static void
restore_scroll_cb (gpointer data)
{
  g_autoptr(PathwaysStockView) self = data;
  pathways_list_scroll_to (self->list_scroller, self->saved_scroll);
}

/* Loading */

typedef struct {
  GListModel *stock;
  GListModel *counts;
} StockData;

static void
stock_data_free (gpointer data)
{
  StockData *d = data;

  g_clear_object (&d->stock);
  g_clear_object (&d->counts);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *today = task_data;
  GError *error = NULL;
  StockData *d = g_new0 (StockData, 1);

  d->stock = pathways_store_load_stock (source, today, &error);
  if (d->stock != NULL && !g_cancellable_is_cancelled (cancellable))
    d->counts = pathways_stock_counts (source, today, &error);
  if (d->stock == NULL || d->counts == NULL)
    {
      stock_data_free (d);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, d, stock_data_free);
}

static void
show_counts (PathwaysStockView *self,
             GListModel        *counts)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 total[5] = { 0 };
  static const char *const keys[] = { "total", "available", "void", "reserved", "coming-free" };

  for (guint i = 0; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (counts, i);

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        total[k] += pathways_record_get_int (c, keys[k]);
      /* Kinds the authority has none of are left out */
      if (pathways_record_get_int (c, "total") > 0)
        g_ptr_array_add (items, g_object_ref (c));
    }
  g_ptr_array_insert (items, 0, g_object_new (PATHWAYS_TYPE_KIND_COUNT,
                                              "kind", NULL, "kind-label", _("All kinds"),
                                              "total", total[0], "available", total[1], "void", total[2],
                                              "reserved", total[3], "coming-free", total[4], NULL));
  g_list_store_splice (self->counts_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->counts_store)),
                       items->pdata, items->len);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysStockView) self = user_data;
  g_autoptr(GError) error = NULL;
  StockData *d;

  self->busy--;
  d = g_task_propagate_pointer (G_TASK (result), &error);
  if (d == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not load the register: %s", error->message);
          /* Translators: %s is an error message from the database */
          add_toast (self, adw_toast_new_format (_("Could not load the register: %s"), error->message));
          if (self->model == NULL)
            {
              self->model = G_LIST_MODEL (g_list_store_new (PATHWAYS_TYPE_STOCK_ROW));
              gtk_filter_list_model_set_model (self->filter_model, self->model);
              update_state (self);
            }
        }
      return;
    }

  self->saved_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->list_scroller));
  if (G_IS_LIST_STORE (self->model))
    {
      /* The same row objects, updated: selection and scroll stay */
      if (pathways_merge_records (G_LIST_STORE (self->model), d->stock))
        gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
    }
  else
    {
      g_autoptr(GListStore) rows = g_list_store_new (PATHWAYS_TYPE_STOCK_ROW);

      for (guint i = 0; i < g_list_model_get_n_items (d->stock); i++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (d->stock, i);
          g_list_store_append (rows, row);
        }
      g_set_object (&self->model, G_LIST_MODEL (rows));
      gtk_filter_list_model_set_model (self->filter_model, self->model);
    }
  update_areas (self);
  refilter (self);
  show_counts (self, d->counts);
  stock_data_free (d);
  if (self->saved_scroll > 0)
    g_idle_add_once (restore_scroll_cb, g_object_ref (self));

  self->coming_stale = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->inner_stack), "coming-free") == 0)
    load_coming_free (self);
}

/* The free-on-a-date set for the "Free on" filter */

static void
free_on_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GHashTable *set = pathways_stock_free_on (source, task_data, &error);

  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, set, (GDestroyNotify) g_hash_table_unref);
}

static void
free_on_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysStockView) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *set;

  self->busy--;
  set = g_task_propagate_pointer (G_TASK (result), &error);
  if (set == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new_format (_("Could not work out what is free: %s"), error->message));
      return;
    }
  g_clear_pointer (&self->free_units, g_hash_table_unref);
  self->free_units = set;
  refilter (self);
}

static void
compute_free_on (PathwaysStockView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->free_cancellable);
  g_clear_object (&self->free_cancellable);
  g_clear_pointer (&self->free_units, g_hash_table_unref);
  if (self->available_on == NULL || self->store == NULL)
    {
      refilter (self);
      return;
    }

  self->free_cancellable = g_cancellable_new ();
  task = g_task_new (self->store, self->free_cancellable, free_on_cb, g_object_ref (self));
  g_task_set_source_tag (task, compute_free_on);
  g_task_set_task_data (task, g_strdup (self->available_on), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  self->busy++;
  g_task_run_in_thread (task, free_on_thread);
}

/* Coming free: grouped by kind, then area */

static int
compare_coming (gconstpointer a,
                gconstpointer b)
{
  PathwaysRecord *x = *(PathwaysRecord * const *) a;
  PathwaysRecord *y = *(PathwaysRecord * const *) b;
  const PathwaysVocabEntry *kinds;
  guint n, kx = G_MAXUINT, ky = G_MAXUINT;
  int c;

  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (kinds[i].code, pathways_record_get_string (x, "kind")) == 0)
        kx = i;
      if (g_strcmp0 (kinds[i].code, pathways_record_get_string (y, "kind")) == 0)
        ky = i;
    }
  if (kx != ky)
    return kx < ky ? -1 : 1;
  c = g_strcmp0 (pathways_record_get_string (x, "area"), pathways_record_get_string (y, "area"));
  if (c != 0)
    return c;
  return g_strcmp0 (pathways_record_get_string (x, "available-from"), pathways_record_get_string (y, "available-from"));
}

static GtkWidget *
make_coming_row (PathwaysRecord *row,
                 const char     *area)
{
  GtkWidget *action_row = adw_action_row_new ();
  g_autofree char *from = pathways_date_format_uk (pathways_record_get_string (row, "available-from"));
  g_autofree char *cost = pathways_money_format (pathways_record_get_int (row, "weekly-cost"));
  g_autofree char *subtitle = NULL;
  const char *occupant = pathways_record_get_string (row, "occupant");
  GtkWidget *date_label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), pathways_record_get_string (row, "name"));
  if (occupant != NULL)
    /* Translators: the weekly cost of a unit and who is moving out */
    subtitle = g_strdup_printf (_("%s a week · %s moving out"), cost, occupant);
  else if (pathways_record_get_string (row, "status-reason") != NULL)
    /* Translators: the weekly cost of a unit and why it was void */
    subtitle = g_strdup_printf (_("%s a week · void: %s"), cost, pathways_record_get_string (row, "status-reason"));
  else
    subtitle = g_strdup_printf (_("%s a week"), cost);
  if (area != NULL)
    {
      /* Translators: a unit alone in its area in the coming-free list: its area, then the cost */
      g_autofree char *with_area = g_strdup_printf (_("%s · %s"), area, subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_area);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);

  date_label = gtk_label_new (from);
  gtk_widget_add_css_class (date_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), date_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (action_row), "stock.open-unit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (action_row), "x", pathways_record_get_id (row));
  return action_row;
}

static void
show_coming_free (PathwaysStockView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  AdwPreferencesGroup *group = NULL;
  AdwExpanderRow *area_row = NULL;
  const char *group_kind = NULL;
  const char *group_area = NULL;
  guint n;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coming_box))) != NULL)
    gtk_box_remove (self->coming_box, child);

  n = self->coming ? g_list_model_get_n_items (self->coming) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (self->coming, i));
  g_ptr_array_sort (rows, compare_coming);

  /* Translators: how many units come free in the chosen period */
  count = g_strdup_printf (ngettext ("%u unit", "%u units", n), n);
  gtk_label_set_label (self->coming_count_label, n > 0 ? count : "");

  /* How many units each kind's area holds: an area of one unit is a
   * plain row (its area in the subtitle), not an expander around it */
  {
    g_autoptr(GHashTable) per_area = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < rows->len; i++)
      {
        PathwaysRecord *row = g_ptr_array_index (rows, i);
        char *key = g_strdup_printf ("%s\n%s", pathways_record_get_string (row, "kind"),
                                     pathways_record_get_string (row, "area") ? pathways_record_get_string (row, "area") : "");

        g_hash_table_insert (per_area, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_area, key)) + 1));
      }

    for (guint i = 0; i < rows->len; i++)
      {
        PathwaysRecord *row = g_ptr_array_index (rows, i);
        const char *kind = pathways_record_get_string (row, "kind");
        const char *area = pathways_record_get_string (row, "area");
        const char *area_name = area ? area : _("No area recorded");
        g_autofree char *key = g_strdup_printf ("%s\n%s", kind, area ? area : "");
        guint in_area = GPOINTER_TO_UINT (g_hash_table_lookup (per_area, key));

        if (group == NULL || g_strcmp0 (kind, group_kind) != 0)
          {
            group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
            adw_preferences_group_set_title (group, pathways_record_get_string (row, "kind-label"));
            gtk_box_append (self->coming_box, GTK_WIDGET (group));
            group_kind = kind;
            group_area = NULL;
            area_row = NULL;
          }
        if (in_area == 1)
          {
            adw_preferences_group_add (group, make_coming_row (row, area_name));
            area_row = NULL;
            group_area = NULL;
            continue;
          }
        if (area_row == NULL || g_strcmp0 (area, group_area) != 0)
          {
            g_autofree char *sub = NULL;

            area_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (area_row), area_name);
            /* Translators: under an area in the coming-free list */
            sub = g_strdup_printf (ngettext ("%u unit coming free", "%u units coming free", in_area), in_area);
            adw_expander_row_set_subtitle (area_row, sub);
            pathways_expander_row_name (area_row);
            adw_expander_row_set_expanded (area_row, TRUE);
            adw_preferences_group_add (group, GTK_WIDGET (area_row));
            group_area = area;
          }
        adw_expander_row_add_row (area_row, make_coming_row (row, NULL));
      }
  }
  gtk_stack_set_visible_child_name (self->coming_stack, n > 0 ? "list" : "empty");
  gtk_spinner_set_spinning (self->coming_spinner, FALSE);
}

static void
coming_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *today = task_data;
  GError *error = NULL;
  GListModel *model;

  model = pathways_stock_coming_free (source, today, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "months")),
                                      &error);
  if (model == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, model, g_object_unref);
}

static void
coming_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysStockView) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  self->busy--;
  model = g_task_propagate_pointer (G_TASK (result), &error);
  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new_format (_("Could not work out what is coming free: %s"), error->message));
      return;
    }
  g_clear_object (&self->coming);
  self->coming = model;
  self->coming_stale = FALSE;
  show_coming_free (self);
}

static void
load_coming_free (PathwaysStockView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->today == NULL)
    return;
  g_cancellable_cancel (self->coming_cancellable);
  g_clear_object (&self->coming_cancellable);
  self->coming_cancellable = g_cancellable_new ();

  if (self->coming == NULL)
    {
      gtk_stack_set_visible_child_name (self->coming_stack, "loading");
      gtk_spinner_set_spinning (self->coming_spinner, TRUE);
    }
  task = g_task_new (self->store, self->coming_cancellable, coming_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_coming_free);
  g_task_set_task_data (task, g_strdup (self->today), g_free);
  g_object_set_data (G_OBJECT (task), "months", GINT_TO_POINTER (self->coming_months));
  self->busy++;
  g_task_run_in_thread (task, coming_thread);
}

/* After a write: offer undo.  Every page refreshes from the store's
 * "changed". */
static void
report_change (PathwaysStockView *self,
               const char        *message,
               PathwaysChangeSet *changes)
{
  pathways_context_show_undoable (self->context, message, changes);
}

/* Callbacks */

static void
search_changed_cb (PathwaysStockView *self,
                   GtkSearchEntry    *entry)
{
  g_autofree char *search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gboolean changed = g_strcmp0 (search, self->search) != 0;

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  refilter (self);
  /* A new search — or the search cleared — starts at the top of the list
   * (again once the list is laid out: it keeps its first row in view) */
  if (changed)
    {
      pathways_list_scroll_to (self->list_scroller, 0);
      g_idle_add_once (scroll_to_top_cb, g_object_ref (self));
    }
}

static void
stop_search_cb (PathwaysStockView *self,
                GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_widget_changed_cb (PathwaysStockView *self,
                          GParamSpec        *pspec,
                          GObject           *widget)
{
  if (self->updating || self->areas == NULL)
    return;
  read_filter_widgets (self);
  refilter (self);
}

static void
available_changed_cb (PathwaysStockView *self,
                      GtkEntry          *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  /* Emptied: the filter goes at once */
  if ((text == NULL || *text == '\0') && self->available_on != NULL && !self->updating)
    pathways_stock_view_set_available_on (self, NULL);
}

static void
available_activate_cb (PathwaysStockView *self,
                       GtkEntry          *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *iso = NULL;

  if (text == NULL || *text == '\0')
    {
      pathways_stock_view_set_available_on (self, NULL);
      return;
    }
  if ((iso = pathways_date_entry_read (GTK_EDITABLE (entry))) == NULL)
    return;
  pathways_stock_view_set_available_on (self, iso);
}

static void
count_activated_cb (PathwaysStockView *self,
                    GtkFlowBoxChild   *child,
                    GtkFlowBox        *box)
{
  g_autoptr(PathwaysRecord) c = g_list_model_get_item (G_LIST_MODEL (self->counts_store),
                                                       (guint) gtk_flow_box_child_get_index (child));

  if (c != NULL)
    pathways_stock_view_set_kind (self, pathways_record_get_string (c, "kind"));
  gtk_stack_set_visible_child_name (self->inner_stack, "register");
}

/* One figure of a card: the number over what it counts */
static GtkWidget *
count_figure_new (gint64      n,
                  const char *caption,
                  gboolean    free_now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GtkWidget *number = gtk_label_new (text);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (number, "title-3");
  gtk_widget_add_css_class (number, "numeric");
  if (free_now)
    gtk_widget_add_css_class (number, "success");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* A card of counts for one kind; the cards wrap to the window's width.
 * A screen reader reads it as one sentence, and a click or Enter shows
 * that kind in the register */
static GtkWidget *
count_card_new (gpointer item,
                gpointer user_data)
{
  PathwaysRecord *c = item;
  const char *kind = pathways_record_get_string (c, "kind-label");
  gint64 available = pathways_record_get_int (c, "available");
  gint64 voids = pathways_record_get_int (c, "void");
  gint64 reserved = pathways_record_get_int (c, "reserved");
  gint64 coming = pathways_record_get_int (c, "coming-free");
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  GtkWidget *title = gtk_label_new (kind);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (card, "count-card");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (figures), count_figure_new (available, C_("count", "free now"), TRUE));
  gtk_box_append (GTK_BOX (figures), count_figure_new (voids, C_("count", "void"), FALSE));
  gtk_box_append (GTK_BOX (figures), count_figure_new (reserved, C_("count", "reserved"), FALSE));
  gtk_box_append (GTK_BOX (figures), count_figure_new (coming, C_("count", "free in 3 months"), FALSE));
  gtk_box_append (GTK_BOX (card), figures);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  /* Translators: a card of counts for a screen reader: "Flats: 3 free now, 1 void, 2 reserved, 4 free in 3 months" */
  accessible = g_strdup_printf (_("%1$s: %2$d free now, %3$d void, %4$d reserved, %5$d free in 3 months"),
                                kind ? kind : "", (int) available, (int) voids, (int) reserved, (int) coming);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (child, _("Show only this kind of unit"));
  return child;
}

static void
row_activated_cb (PathwaysStockView *self,
                  guint              position,
                  GtkColumnView     *view)
{
  g_autoptr(PathwaysRecord) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  if (row != NULL)
    pathways_stock_view_open_unit (self, pathways_record_get_id (row));
}

static void
narrow_activated_cb (PathwaysStockView *self,
                     guint              position,
                     GtkListView       *view)
{
  gint64 id = pathways_narrow_row_id (view, position);

  if (id > 0)
    pathways_stock_view_open_unit (self, id);
}

/* Whether the summary cards leave the register room: not in a narrow
 * window, nor in a short one (800 × 600), where they would fill it */
static gboolean
cards_fit (PathwaysStockView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) >= PATHWAYS_NARROW_WIDTH &&
         gtk_widget_get_height (GTK_WIDGET (self)) >= CARDS_MIN_HEIGHT;
}

/* Whether Import… and Add Unit keep their labels: their squeezers ask
 * for the labels' width when there is room for them, so that the search
 * cannot take it and leave a wide button round an icon */
static gboolean
button_labels_shown (PathwaysStockView *self)
{
  int width = -1;

  gtk_widget_get_size_request (gtk_widget_get_parent (self->import_icon), &width, NULL);
  return width > 0;
}

static void
show_button_labels (PathwaysStockView *self,
                    gboolean           labels)
{
  GtkWidget *icons[] = { self->import_icon, self->add_icon };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      GtkWidget *squeezer = gtk_widget_get_parent (icons[i]);
      int natural = -1;

      /* The squeezer's first child: the icon with its label */
      if (labels)
        gtk_widget_measure (gtk_widget_get_first_child (squeezer), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                            NULL, NULL);
      gtk_widget_set_size_request (squeezer, natural, -1);
    }
}

static gboolean
button_labels_fit (PathwaysStockView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) >= BUTTON_LABELS_WIDTH;
}

static void
narrow_changed_cb (GtkWidget *widget,
                   gboolean   narrow_changed)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (widget);
  gboolean narrow = pathways_narrow_is_narrow (self->narrow);

  /* The cards give their room to the list in a narrow or a short window */
  gtk_widget_set_visible (GTK_WIDGET (self->counts_box), cards_fit (self));
  show_button_labels (self, button_labels_fit (self));
  if (!narrow_changed)
    return;

  /* The search and its count go to a row of their own, after the
   * switcher in a wide window; the cards give their height to the list */
  {
    g_autoptr(GtkWidget) entry = g_object_ref (GTK_WIDGET (self->search_entry));
    g_autoptr(GtkWidget) count = g_object_ref (GTK_WIDGET (self->count_label));
    GtkWidget *switcher = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar));
    GtkRoot *root = gtk_widget_get_root (entry);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
    /* Typing in the search when the window narrows goes on */
    gboolean focused = focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));

    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (entry)), entry);
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (count)), count);
    if (narrow)
      {
        /* Before the Filters button */
        gtk_box_prepend (self->narrow_search_row, entry);
        gtk_box_insert_child_after (self->narrow_search_row, count, entry);
      }
    else
      {
        gtk_box_insert_child_after (self->toolbar, entry, switcher);
        gtk_box_insert_child_after (self->toolbar, count, entry);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->narrow_search_row),
                            narrow && g_strcmp0 (gtk_stack_get_visible_child_name (self->inner_stack), "coming-free") != 0);
    /* Import… is in the main menu too: a narrow window keeps its room */
    gtk_widget_set_visible (self->import_stock_button, !narrow);
    gtk_box_set_spacing (self->toolbar, narrow ? 6 : 12);
    gtk_widget_set_margin_start (GTK_WIDGET (self->toolbar), narrow ? 6 : 12);
    gtk_widget_set_margin_end (GTK_WIDGET (self->toolbar), narrow ? 6 : 12);
    if (focused)
      gtk_widget_grab_focus (entry);
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
inner_page_changed_cb (PathwaysStockView *self,
                       GParamSpec        *pspec,
                       GtkStack          *stack)
{
  gboolean coming = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "coming-free") == 0;

  /* The search, the count and the Filters button are the register's */
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !coming);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !coming);
  gtk_widget_set_visible (GTK_WIDGET (self->narrow_search_row), !coming && pathways_narrow_is_narrow (self->narrow));
  if (coming && (self->coming == NULL || self->coming_stale))
    load_coming_free (self);
}

static void
unit_back_cb (PathwaysStockView *self,
              PathwaysUnitPage  *page)
{
  gtk_stack_set_visible_child_name (self->outer_stack, "register");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
editor_saved_cb (PathwaysStockView *self,
                 PathwaysChangeSet *changes,
                 gint64             unit_id,
                 gpointer           editor)
{
  report_change (self, _("Unit added"), changes);
  pathways_stock_view_open_unit (self, unit_id);
}

/* Closures for the cells: each returns a new string */

static char *
text_or_dash_cb (gpointer    item,
                 const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : NO_VALUE);
}

/* The second line of a unit's row in a narrow window */
static char *
narrow_caption_cb (gpointer    item,
                   const char *kind_label,
                   const char *area,
                   const char *occupant)
{
  const char *kind = kind_label != NULL && *kind_label != '\0' ? kind_label : NO_VALUE;
  const char *place = area != NULL && *area != '\0' ? area : NO_VALUE;

  if (occupant != NULL && *occupant != '\0')
    /* Translators: a unit's second line in a narrow register: its kind, its area, who lives there */
    return g_strdup_printf (_("%1$s · %2$s · %3$s"), kind, place, occupant);
  /* Translators: a unit's second line in a narrow register: its kind and its area */
  return g_strdup_printf (_("%1$s · %2$s"), kind, place);
}

static char *
text_or_empty_cb (gpointer    item,
                  const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static char *
sort_key_cb (gpointer    item,
             const char *text)
{
  /* House and flat numbers sort as numbers: "2 Elm Road" before "10 Elm Road" */
  return pathways_natural_sort_key (text);
}

/* Units with no free date sort last */
static char *
date_sort_key_cb (gpointer    item,
                  const char *iso)
{
  return g_strdup (iso != NULL ? iso : "9999-12-31");
}

static char *
uk_date_cb (gpointer    item,
            const char *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup (NO_VALUE);
  return pathways_date_format_uk (iso);
}

static char *
authority_cb (gpointer item,
              gboolean inside)
{
  return g_strdup (inside ? _("Inside the authority") : _("Outside the authority"));
}

static char *
shared_cb (gpointer item,
           gboolean shared,
           gint64   bedrooms)
{
  if (shared)
    return g_strdup (_("Shared"));
  /* Translators: a self-contained unit with a number of bedrooms */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Self-contained, %d bedroom", "Self-contained, %d bedrooms",
                                       (gulong) MAX (bedrooms, 0)), (int) bedrooms);
}

static char *
ages_cb (gpointer item,
         gint64   min_age,
         gint64   max_age)
{
  if (max_age > 0)
    return g_strdup_printf (_("%d–%d"), (int) min_age, (int) max_age);
  if (min_age > 0)
    /* Translators: an age with no upper limit, e.g. "18+" */
    return g_strdup_printf (_("%d+"), (int) min_age);
  return g_strdup (NO_VALUE);
}

static char *
hours_cb (gpointer item,
          double   hours)
{
  if (hours <= 0)
    return g_strdup (NO_VALUE);
  /* Translators: support hours a week, short, e.g. "10 h/wk" */
  return g_strdup_printf (_("%g h/wk"), hours);
}

static char *
registration_cb (gpointer    item,
                 const char *code)
{
  return g_strdup (code != NULL ? pathways_vocab_label (PATHWAYS_VOCAB_REGISTRATION, code) : NO_VALUE);
}

static char *
commissioning_cb (gpointer    item,
                  const char *code)
{
  return g_strdup (code != NULL ? pathways_vocab_label (PATHWAYS_VOCAB_COMMISSIONING, code) : NO_VALUE);
}

static char *
money_cb (gpointer item,
          gint64   pence)
{
  return pathways_money_format (pence);
}

static char *
status_label_cb (gpointer    item,
                 const char *label,
                 const char *retired_on)
{
  return g_strdup (retired_on != NULL ? _("Retired") : (label ? label : NO_VALUE));
}

/* What a screen reader says for a register row: "Larch House, 5 Larch
 * Road, Flat, Available" — the address tells apart two units of one
 * scheme */
static char *
row_name_cb (gpointer    item,
             const char *name,
             const char *address,
             const char *kind_label,
             const char *area,
             const char *status_label,
             const char *retired_on)
{
  g_autofree char *status = status_label_cb (item, status_label, retired_on);

  if (name == NULL || *name == '\0')
    return NULL;
  if (address != NULL && *address != '\0')
    /* Translators: a register row for a screen reader: unit, address, kind, status */
    return g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"), name, address, kind_label ? kind_label : "", status);
  /* Translators: a register row for a screen reader: unit, kind, area, status */
  return g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s"), name, kind_label ? kind_label : "",
                          area != NULL && *area != '\0' ? area : _("no area recorded"), status);
}

static char **
status_classes_cb (gpointer    item,
                   const char *status,
                   const char *retired_on)
{
  char **classes = g_new0 (char *, 3);
  const char *cls = "accent";

  if (retired_on != NULL || g_strcmp0 (status, "offline") == 0)
    cls = "error";
  else if (g_strcmp0 (status, "available") == 0)
    cls = "success";
  else if (g_strcmp0 (status, "void") == 0)
    cls = "warning";
  classes[0] = g_strdup ("status-pill");
  classes[1] = g_strdup (cls);
  return classes;
}

static char *
reserved_cb (gpointer    item,
             const char *who,
             const char *from)
{
  g_autofree char *uk = NULL;

  if (who == NULL)
    return g_strdup ("");
  uk = pathways_date_format_uk (from);
  /* Translators: who a unit is reserved for, from a date */
  return g_strdup_printf (_("Reserved for %s from %s"), who, uk);
}

static char *
count_cb (gpointer item,
          gint64   n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* Actions */

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (widget);
  PathwaysUnitEditor *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  editor = pathways_unit_editor_new (self->context, NULL);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pathways_stock_view_clear_filters (PATHWAYS_STOCK_VIEW (widget));
}

static void
open_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pathways_stock_view_open_unit (PATHWAYS_STOCK_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (widget);

  gtk_stack_set_visible_child_name (self->outer_stack, "register");
  gtk_stack_set_visible_child_name (self->inner_stack, "register");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* PathwaysPage */

static gboolean
wants_reload (PathwaysChanges *changes)
{
  /* The register shows units, who lives there and who is booked in */
  return pathways_changes_has_type (changes, PATHWAYS_TYPE_UNIT) ||
         pathways_changes_has_type (changes, PATHWAYS_TYPE_SPELL) ||
         pathways_changes_has_type (changes, PATHWAYS_TYPE_TRANSITION) ||
         pathways_changes_has_type (changes, PATHWAYS_TYPE_YOUNG_PERSON) ||
         pathways_changes_has_table (changes, "setting");
}

static void
pathways_stock_view_load (PathwaysPage  *page,
                          PathwaysStore *store)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (page);

  g_set_object (&self->store, store);
  g_clear_object (&self->model);
  g_clear_object (&self->coming);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  gtk_stack_set_visible_child_name (self->outer_stack, "register");
  update_state (self);
  pathways_stock_view_reload (self);

  /* For screenshots and demonstrations: a unit's page, or coming free */
  if (g_getenv ("PATHWAYS_OPEN_UNIT") != NULL)
    {
      gint64 id = g_ascii_strtoll (g_getenv ("PATHWAYS_OPEN_UNIT"), NULL, 10);
      if (id > 0)
        pathways_stock_view_open_unit (self, id);
    }
  else if (g_getenv ("PATHWAYS_COMING_FREE_MONTHS") != NULL)
    pathways_stock_view_show_coming_free (self, CLAMP (atoi (g_getenv ("PATHWAYS_COMING_FREE_MONTHS")), 1, 12));
}

static void
pathways_stock_view_changed (PathwaysPage    *page,
                             PathwaysChanges *changes)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (page);

  if (!wants_reload (changes))
    return;
  pathways_stock_view_reload (self);
  /* Coming free is loaded when it is looked at: now, if it is */
  self->coming_stale = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->inner_stack), "coming-free") == 0)
    load_coming_free (self);
}

static const char *
pathways_stock_view_get_title (PathwaysPage *page)
{
  return _("Stock");
}

static const char *
pathways_stock_view_get_icon_name (PathwaysPage *page)
{
  return "go-home-symbolic";
}

static void
pathways_stock_view_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_stock_view_load;
  iface->changed = pathways_stock_view_changed;
  iface->get_title = pathways_stock_view_get_title;
  iface->get_icon_name = pathways_stock_view_get_icon_name;
}

/* GObject overrides */

static void
pathways_stock_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMING_MONTHS:
      g_value_set_int (value, self->coming_months);
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
pathways_stock_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMING_MONTHS:
      pathways_stock_view_show_coming_free (self, g_value_get_int (value));
      break;
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A bin of the template's stack; its own allocation, to see the width */
static void
pathways_stock_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (widget);

  pathways_narrow_measure (self->narrow, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* The cards are shown only while there is room for them: asking for
   * their height would make a short window grow (800 × 600 to the
   * screen's height) instead of hiding them on the next frame */
  if (orientation == GTK_ORIENTATION_VERTICAL && self->counts_box != NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self->counts_box)))
    {
      int cards = 0;

      gtk_widget_measure (GTK_WIDGET (self->counts_box), orientation, for_size, &cards, NULL, NULL, NULL);
      *minimum = MAX (0, *minimum - cards);
    }
}

static void
pathways_stock_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (widget);

  pathways_narrow_allocate (self->narrow, width, height, baseline,
                            cards_fit (self) != gtk_widget_get_visible (GTK_WIDGET (self->counts_box)) ||
                            button_labels_fit (self) != button_labels_shown (self));
}

static void
pathways_stock_view_dispose (GObject *object)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    pathways_table_save_now (self->column_view);
  pathways_page_detach (PATHWAYS_PAGE (self));
  g_clear_pointer (&self->narrow, pathways_narrow_free);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->free_cancellable);
  g_cancellable_cancel (self->coming_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->free_cancellable);
  g_clear_object (&self->coming_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_STOCK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->model);
  g_clear_object (&self->coming);
  g_clear_pointer (&self->free_units, g_hash_table_unref);

  G_OBJECT_CLASS (pathways_stock_view_parent_class)->dispose (object);
}

static void
pathways_stock_view_finalize (GObject *object)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (object);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_free (self->today);
  g_free (self->search);
  g_free (self->area);
  g_free (self->available_on);

  G_OBJECT_CLASS (pathways_stock_view_parent_class)->finalize (object);
}

static void
pathways_stock_view_constructed (GObject *object)
{
  PathwaysStockView *self = PATHWAYS_STOCK_VIEW (object);

  G_OBJECT_CLASS (pathways_stock_view_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  /* A unit's page is a page of its own, made with the same context */
  self->unit_page = PATHWAYS_UNIT_PAGE (pathways_unit_page_new (self->context));
  g_signal_connect_object (self->unit_page, "back", G_CALLBACK (unit_back_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->unit_bin, GTK_WIDGET (self->unit_page));
  /* The columns as the person left them */
  pathways_table_bind_settings (self->column_view, pathways_context_get_settings (self->context), "stock-columns");
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_stock_view_class_init (PathwaysStockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_stock_view_constructed;
  object_class->get_property = pathways_stock_view_get_property;
  object_class->set_property = pathways_stock_view_set_property;
  object_class->dispose = pathways_stock_view_dispose;
  object_class->finalize = pathways_stock_view_finalize;
  widget_class->measure = pathways_stock_view_measure;
  widget_class->size_allocate = pathways_stock_view_size_allocate;

  /**
   * PathwaysStockView:coming-months:
   *
   * How far ahead "Coming Free" looks: 1, 3, 6 or 12 months.
   */
  properties[PROP_COMING_MONTHS] =
    g_param_spec_int ("coming-months", NULL, NULL, 1, 12, 3,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PathwaysStockView:narrow:
   *
   * Whether the register is too narrow for its table and shows the list
   * of two-line rows instead.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  g_type_ensure (PATHWAYS_TYPE_STOCK_ROW);
  g_type_ensure (PATHWAYS_TYPE_KIND_COUNT);
  g_type_ensure (PATHWAYS_TYPE_WRAP_BOX);
  g_type_ensure (PATHWAYS_TYPE_ROW_NAME);
  g_type_ensure (PATHWAYS_TYPE_UNIT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-stock-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, add_unit_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, import_stock_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, import_icon);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, add_icon);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, counts_store);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, counts_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, filters_badge);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, available_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, authority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, age_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, cost_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, registered_toggle);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, ages_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, support_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, registration_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, commissioning_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, name_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, coming_count_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, coming_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, coming_spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, coming_box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, unit_bin);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_widget_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, available_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, available_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_caption_cb);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, area_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, cost_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, status_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, available_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, occupant_column);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, selection);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, narrow_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, PathwaysStockView, narrow_search_row);
  gtk_widget_class_bind_template_callback (widget_class, inner_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_or_dash_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_or_empty_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_sort_key_cb);
  gtk_widget_class_bind_template_callback (widget_class, uk_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, authority_cb);
  gtk_widget_class_bind_template_callback (widget_class, shared_cb);
  gtk_widget_class_bind_template_callback (widget_class, ages_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_cb);
  gtk_widget_class_bind_template_callback (widget_class, registration_cb);
  gtk_widget_class_bind_template_callback (widget_class, commissioning_cb);
  gtk_widget_class_bind_template_callback (widget_class, money_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, reserved_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_name_cb);

  gtk_widget_class_install_action (widget_class, "stock.add-unit", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "stock.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "stock.open-unit", "x", open_unit_action);
  gtk_widget_class_install_action (widget_class, "stock.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_property_action (widget_class, "stock.coming-months", "coming-months");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "stock.focus-search", NULL);

  gtk_widget_class_set_css_name (widget_class, "stockview");
}

static void
pathways_stock_view_init (PathwaysStockView *self)
{
  g_autoptr(GtkStringList) kinds = kind_choices ();
  g_autoptr(GtkStringList) statuses = status_choices ();
  g_autoptr(GtkStringList) costs = cost_choices ();

  static const PathwaysShortcut shortcuts[] = {
    { "<Control>n", "stock.add-unit" },
  };

  self->coming_months = 3;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->narrow = pathways_narrow_new (GTK_WIDGET (self), self->layout_stack, self->narrow_list, narrow_changed_cb);
  pathways_narrow_set_model (self->narrow, GTK_SELECTION_MODEL (self->selection));
  pathways_narrow_add_filters (self->narrow, self->filters_button, self->filters_revealer, self->filters_badge);
  /* Filters keep their width whatever is picked */
  pathways_drop_down_keep_width (self->kind_dropdown);
  pathways_drop_down_keep_width (self->area_dropdown);
  pathways_drop_down_keep_width (self->authority_dropdown);
  pathways_drop_down_keep_width (self->age_dropdown);
  pathways_drop_down_keep_width (self->status_dropdown);
  pathways_drop_down_keep_width (self->cost_dropdown);
  gtk_flow_box_bind_model (self->counts_box, G_LIST_MODEL (self->counts_store), count_card_new, NULL, NULL);
  pathways_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->cost_dropdown, G_LIST_MODEL (costs));
  self->updating = FALSE;
  self->areas = g_ptr_array_new_with_free_func (g_free);
  update_areas (self);

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  /* A narrow window keeps the columns that matter most */
  pathways_column_view_name_header (self->column_view);
  pathways_fold_columns (self->column_view, 1000, self->ages_column, self->support_column, self->registration_column, self->commissioning_column, NULL);
  /* Columns to choose, resize and reorder, kept in settings (constructed) */
  pathways_table_init (GTK_WIDGET (self), self->column_view,
                       "name", self->name_column, "area", self->area_column, "kind", self->kind_column,
                       "ages", self->ages_column, "support", self->support_column,
                       "registration", self->registration_column, "weekly-cost", self->cost_column,
                       "commissioning", self->commissioning_column, "status", self->status_column,
                       "available-from", self->available_column, "occupant", self->occupant_column, NULL);
  pathways_truncation_tooltips (GTK_WIDGET (self->narrow_list));
  pathways_column_view_set_narrow_list (self->column_view, self->narrow_list);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  /* Down from the search goes to the results, Enter opens a single match;
   * each filter is one Tab stop */
  pathways_search_leads_to (self->search_entry, self->column_view);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  update_state (self);
}

/* Public API */

GtkWidget *
pathways_stock_view_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_STOCK_VIEW, "context", context, NULL);
}

/**
 * pathways_stock_view_reload:
 *
 * Loads the register and the counts again, keeping the filters and the
 * scroll position.
 */
void
pathways_stock_view_reload (PathwaysStockView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->today);
  self->today = pathways_context_dup_today (self->context);

  task = g_task_new (self->store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_stock_view_reload);
  g_task_set_task_data (task, g_strdup (self->today), g_free);
  self->busy++;
  g_task_run_in_thread (task, load_thread);

  /* What is free on the chosen day may have changed too */
  if (self->available_on != NULL)
    compute_free_on (self);
}

void
pathways_stock_view_open_unit (PathwaysStockView *self,
                               gint64             unit_id)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));
  g_return_if_fail (self->store != NULL);

  /* Asked "free on a date": the unit page answers for that date */
  pathways_unit_page_show_unit_on (self->unit_page, unit_id, self->available_on);
  gtk_stack_set_visible_child_name (self->outer_stack, "unit");
}

void
pathways_stock_view_show_coming_free (PathwaysStockView *self,
                                      int                months)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));
  g_return_if_fail (months >= 1 && months <= 12);

  gtk_stack_set_visible_child_name (self->outer_stack, "register");
  if (self->coming_months != months)
    {
      self->coming_months = months;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMING_MONTHS]);
      self->coming_stale = TRUE;
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->inner_stack), "coming-free") != 0)
    gtk_stack_set_visible_child_name (self->inner_stack, "coming-free");  /* loads if stale */
  else if (self->coming_stale || self->coming == NULL)
    load_coming_free (self);
}

void
pathways_stock_view_set_search_text (PathwaysStockView *self,
                                     const char        *text)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  /* Blocked while the entry empties itself and takes @text, which it
   * would report at once: every unit shown and then filtered again */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self, self->search_entry);
}

/**
 * pathways_stock_view_set_kind:
 * @kind: (nullable): a kind of unit (vocabulary code), or %NULL for all
 */
void
pathways_stock_view_set_kind (PathwaysStockView *self,
                              const char        *kind)
{
  const PathwaysVocabEntry *kinds;
  guint n, selected = 0;

  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  kinds = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n);
  for (guint i = 0; kind != NULL && i < n; i++)
    if (g_str_equal (kinds[i].code, kind))
      selected = i + 1;
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
}

void
pathways_stock_view_set_area (PathwaysStockView *self,
                              const char        *area)
{
  guint selected = 0;

  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  for (guint i = 0; area != NULL && i < self->areas->len; i++)
    if (g_str_equal (self->areas->pdata[i], area))
      selected = i + 1;
  gtk_drop_down_set_selected (self->area_dropdown, selected);
}

/**
 * pathways_stock_view_set_status:
 * @status: (nullable): a unit status code, "retired", or %NULL for any
 *   (retired units show only under "retired")
 */
void
pathways_stock_view_set_status (PathwaysStockView *self,
                                const char        *status)
{
  guint selected = 0;

  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  for (guint i = 1; status != NULL && i < G_N_ELEMENTS (status_codes); i++)
    if (g_str_equal (status_codes[i], status))
      selected = i;
  gtk_drop_down_set_selected (self->status_dropdown, selected);
}

void
pathways_stock_view_set_authority (PathwaysStockView       *self,
                                   PathwaysAuthorityFilter  authority)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  gtk_drop_down_set_selected (self->authority_dropdown, authority);
}

void
pathways_stock_view_set_ages (PathwaysStockView *self,
                              PathwaysAgeFilter  ages)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  gtk_drop_down_set_selected (self->age_dropdown, ages);
}

void
pathways_stock_view_set_registered (PathwaysStockView *self,
                                    gboolean           registered)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  gtk_toggle_button_set_active (self->registered_toggle, registered);
}

/**
 * pathways_stock_view_set_max_cost:
 * @pence: the most a unit may cost a week; 0 for any.  The dropdown
 *   shows the band when it is one of its choices.
 */
void
pathways_stock_view_set_max_cost (PathwaysStockView *self,
                                  gint64             pence)
{
  guint band = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (cost_bands); i++)
    if (cost_bands[i] == pence)
      band = i;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->cost_dropdown, band == GTK_INVALID_LIST_POSITION ? 0 : band);
  self->updating = FALSE;
  self->max_cost = MAX (pence, 0);
  refilter (self);
}

/**
 * pathways_stock_view_set_available_on:
 * @iso: (nullable): show only units free on this day, given who lives
 *   there and the moves already planned; %NULL for any day
 */
void
pathways_stock_view_set_available_on (PathwaysStockView *self,
                                      const char        *iso)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  if (g_strcmp0 (iso, self->available_on) == 0 && (iso == NULL || self->free_units != NULL))
    return;
  g_free (self->available_on);
  self->available_on = g_strdup (iso);

  self->updating = TRUE;
  if (iso != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (iso);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->available_entry)), uk) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->available_entry), uk);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->available_entry), "");
  self->updating = FALSE;

  compute_free_on (self);
}

void
pathways_stock_view_clear_filters (PathwaysStockView *self)
{
  g_return_if_fail (PATHWAYS_IS_STOCK_VIEW (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->authority_dropdown, 0);
  gtk_drop_down_set_selected (self->age_dropdown, 0);
  gtk_drop_down_set_selected (self->cost_dropdown, 0);
  gtk_toggle_button_set_active (self->registered_toggle, FALSE);
  self->updating = FALSE;
  g_clear_pointer (&self->search, g_free);
  read_filter_widgets (self);
  pathways_stock_view_set_available_on (self, NULL);
  refilter (self);
}

/**
 * pathways_stock_view_is_busy:
 *
 * Returns: whether a load or a computation is still under way
 */
gboolean
pathways_stock_view_is_busy (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), FALSE);

  return self->busy > 0 || self->model == NULL;
}

guint
pathways_stock_view_get_n_visible (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

guint
pathways_stock_view_get_n_units (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), 0);

  return self->model ? g_list_model_get_n_items (self->model) : 0;
}

/**
 * pathways_stock_view_get_visible:
 *
 * Returns: (transfer none): the rows the filters leave, in column order
 */
GListModel *
pathways_stock_view_get_visible (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * pathways_stock_view_get_counts:
 *
 * Returns: (transfer none): the counts at a glance, "All kinds" first
 */
GListModel *
pathways_stock_view_get_counts (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  return G_LIST_MODEL (self->counts_store);
}

/**
 * pathways_stock_view_get_coming_free:
 *
 * Returns: (transfer none) (nullable): the units coming free in the
 *   chosen period
 */
GListModel *
pathways_stock_view_get_coming_free (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  return self->coming;
}

/**
 * pathways_stock_view_get_visible_page:
 *
 * Returns: "unit", "coming-free", or the register's state: "loading",
 *   "empty", "no-results" or "list"
 */
const char *
pathways_stock_view_get_visible_page (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->outer_stack), "unit"))
    return "unit";
  if (g_str_equal (gtk_stack_get_visible_child_name (self->inner_stack), "coming-free"))
    return "coming-free";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

PathwaysUnitPage *
pathways_stock_view_get_unit_page (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  return self->unit_page;
}

GtkColumnView *
pathways_stock_view_get_column_view (PathwaysStockView *self)
{
  g_return_val_if_fail (PATHWAYS_IS_STOCK_VIEW (self), NULL);

  return self->column_view;
}
