/* pathways-care-history-section.c — the care history on a young person's
 * page
 *
 * The episodes (start, legal status, placement, reason for the new
 * episode, end and reason ceased), each with Edit…, End Episode… and
 * Delete, and Add Episode….  Under them, read-only, what the core works
 * out from them on today's date: the days looked after since the 14th
 * and 16th birthdays, the first day looked after, the day care ended and
 * the last placement.  Those are never typed once there is a history;
 * without one the page's typed figures stand, and this says to check
 * them.  Every write is one recorded action with an Undo toast; the
 * page refreshes from the store's "changed" and calls set_person again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-care-history-section"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-care-history-section.h"
#include "pathways-core.h"

struct _PathwaysCareHistorySection
{
  GtkWidget            parent_instance;

  AdwPreferencesGroup *group;
  GtkButton           *add_button;
  GtkListBox          *episodes_list;
  GtkListBox          *derived_list;
  GtkLabel            *note_label;

  PathwaysContext     *context;
  gint64               person_id;
  GListModel          *episodes;
  GHashTable          *derived;       /* what → text shown */
  GCancellable        *cancellable;
  GWeakRef             dialog;
  gboolean             loading;
  guint                n_episodes;
};

G_DEFINE_FINAL_TYPE (PathwaysCareHistorySection, pathways_care_history_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_EPISODES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading ---------------------------------------------------------- */

typedef struct {
  gint64               person_id;
  char                *on;
  GListModel          *episodes;
  PathwaysCareHistory *history;
  GHashTable          *meanings;    /* "LIST:CODE" → meaning */
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_free (l->on);
  g_clear_object (&l->episodes);
  g_clear_pointer (&l->history, pathways_care_history_free);
  g_clear_pointer (&l->meanings, g_hash_table_unref);
  g_free (l);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  static const char * const lists[] = { PATHWAYS_REF_LS, PATHWAYS_REF_PLACE, PATHWAYS_REF_REC, PATHWAYS_REF_RNE };
  PathwaysStore *store = source_object;
  Loaded *l = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((l->episodes = pathways_care_history_list (store, l->person_id, &error)) == NULL ||
      (l->history = pathways_care_history_derive (store, l->person_id, l->on, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  l->meanings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GListModel) codes = pathways_store_list_ref_codes (store, lists[i], NULL, &error);

      if (codes == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint j = 0; j < g_list_model_get_n_items (codes); j++)
        {
          g_autoptr(PathwaysRefCode) c = g_list_model_get_item (codes, j);

          g_hash_table_replace (l->meanings, g_strdup_printf ("%s:%s", lists[i], pathways_ref_code_get_code (c)),
                                g_strdup (pathways_ref_code_get_meaning (c)));
        }
    }
  g_task_return_boolean (task, TRUE);
}

/* "C2 — Full care order", or the code alone when the tables lack it */
static char *
describe_code (GHashTable *meanings,
               const char *list,
               const char *code)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", list, code);
  const char *meaning = g_hash_table_lookup (meanings, key);

  /* Translators: a 903 code and its meaning, "C2 — Full care order" */
  return meaning ? g_strdup_printf (_("%s — %s"), code, meaning) : g_strdup (code);
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
episode_row (PathwaysEpisode *e,
             GHashTable      *meanings)
{
  gint64 id = pathways_record_get_id (PATHWAYS_RECORD (e));
  g_autofree char *start = pathways_date_format_uk (pathways_episode_get_decom (e));
  g_autofree char *end = pathways_date_format_uk (pathways_episode_get_dec (e));
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new (), *del;

  if (pathways_episode_get_dec (e) != NULL)
    /* Translators: an episode of care, "From 01/03/2024 to 30/04/2025" */
    title = g_strdup_printf (_("From %s to %s"), start, end);
  else
    /* Translators: an episode of care still going on, "From 01/03/2024, not ended" */
    title = g_strdup_printf (_("From %s, not ended"), start);

  if (pathways_episode_get_needs_check (e))
    g_ptr_array_add (parts, g_strdup (_("Made from typed figures: check it")));
#define PART(getter, list, fmt) \
  if (getter (e) != NULL) \
    { \
      g_autofree char *d = describe_code (meanings, list, getter (e)); \
      g_ptr_array_add (parts, g_strdup_printf (fmt, d)); \
    }
  /* Translators: the parts of an episode's description, each with a 903 code and its meaning */
  PART (pathways_episode_get_ls, PATHWAYS_REF_LS, _("Legal status: %s"))
  PART (pathways_episode_get_place, PATHWAYS_REF_PLACE, _("Placement: %s"))
  PART (pathways_episode_get_rne, PATHWAYS_REF_RNE, _("Reason for new episode: %s"))
  PART (pathways_episode_get_rec, PATHWAYS_REF_REC, _("Reason ceased: %s"))
#undef PART
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("Edit…"), "care-history.edit", id));
  if (pathways_episode_get_dec (e) == NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("End Episode…"), "care-history.end", id));
  del = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (del, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (del, "flat");
  gtk_widget_set_tooltip_text (del, _("Delete episode"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (del), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete episode"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (del), "care-history.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (del), "x", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), del);
  return row;
}

static void
add_derived (PathwaysCareHistorySection *self,
             const char                 *what,
             const char                 *title,
             const char                 *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->derived_list, row);
  g_hash_table_replace (self->derived, g_strdup (what), g_strdup (value));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill (PathwaysCareHistorySection *self,
      Loaded                     *l)
{
  const PathwaysCareHistory *h = l->history;
  guint n = g_list_model_get_n_items (l->episodes);

  clear_list (self->episodes_list);
  clear_list (self->derived_list);
  g_hash_table_remove_all (self->derived);
  g_set_object (&self->episodes, l->episodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (l->episodes, i);
      gtk_list_box_append (self->episodes_list, episode_row (e, l->meanings));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->episodes_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->derived_list), n > 0);

  if (n > 0)
    {
      g_autofree char *d14 = g_strdup_printf ("%" G_GINT64_FORMAT, h->days_since_14);
      g_autofree char *d16 = g_strdup_printf ("%" G_GINT64_FORMAT, h->days_since_16);
      g_autofree char *first = pathways_date_format_uk (h->first_looked_after);
      g_autofree char *ended = h->care_ended ? pathways_date_format_uk (h->care_ended) : g_strdup (_("Still looked after"));
      g_autofree char *place = h->last_placement ? describe_code (l->meanings, PATHWAYS_REF_PLACE, h->last_placement)
                                                 : g_strdup (_("Not recorded"));

      add_derived (self, "days-since-14", _("Days looked after since 14th birthday"), d14);
      add_derived (self, "days-since-16", _("Days looked after since 16th birthday"), d16);
      add_derived (self, "first-looked-after", _("Date first looked after"), first);
      add_derived (self, "care-ended", _("Date care ended"), ended);
      add_derived (self, "last-placement", _("Last care placement"), place);
      gtk_label_set_label (self->note_label,
                           h->needs_check
                             ? _("These figures come from the care history, not from the profile. Some episodes were made from typed figures: check them and edit them to match the case record.")
                             : _("These figures come from the care history, not from the profile. Short breaks (legal status V3 and V4) do not count."));
    }
  else
    gtk_label_set_label (self->note_label,
                         _("No episodes are recorded. Until there are, the status is worked out from the typed figures in the profile — check them, or add the episodes from the case record."));

  if (self->n_episodes != n)
    {
      self->n_episodes = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EPISODES]);
    }
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysCareHistorySection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      gtk_label_set_label (self->note_label, error->message);
      return;
    }
  fill (self, g_task_get_task_data (G_TASK (result)));
  self->loading = FALSE;
}

/* Actions ---------------------------------------------------------- */

static PathwaysEpisode *
find_episode (PathwaysCareHistorySection *self,
              gint64                      id)
{
  for (guint i = 0; self->episodes != NULL && i < g_list_model_get_n_items (self->episodes); i++)
    {
      g_autoptr(PathwaysEpisode) e = g_list_model_get_item (self->episodes, i);

      if (pathways_record_get_id (PATHWAYS_RECORD (e)) == id)
        return g_steal_pointer (&e);
    }
  return NULL;
}

static void
open_dialog (PathwaysCareHistorySection *self,
             PathwaysEpisode            *episode,
             PathwaysEpisodeDialogMode   mode)
{
  PathwaysEpisodeDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->context == NULL || self->person_id == 0)
    return;
  dialog = pathways_episode_dialog_new (self->context, self->person_id, episode, mode);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_weak_ref_set (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (PATHWAYS_CARE_HISTORY_SECTION (widget), NULL, PATHWAYS_EPISODE_DIALOG_ADD);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysCareHistorySection *self = PATHWAYS_CARE_HISTORY_SECTION (widget);
  g_autoptr(PathwaysEpisode) e = find_episode (self, g_variant_get_int64 (parameter));

  if (e != NULL)
    open_dialog (self, e, g_str_equal (action_name, "care-history.end") ? PATHWAYS_EPISODE_DIALOG_END
                                                                        : PATHWAYS_EPISODE_DIALOG_EDIT);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysContext) context = user_data;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathways_care_history_delete_finish (PATHWAYS_STORE (source), result, &undo, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pathways_context_show_error (context, error);
      return;
    }
  pathways_context_show_undoable (context, _("Episode deleted"), undo);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysCareHistorySection *self = PATHWAYS_CARE_HISTORY_SECTION (widget);
  g_autoptr(PathwaysEpisode) e = find_episode (self, g_variant_get_int64 (parameter));
  PathwaysStore *store = self->context ? pathways_context_get_store (self->context) : NULL;

  if (e == NULL || store == NULL)
    return;
  /* Undoable from the toast: no question asked */
  pathways_care_history_delete_async (store, e, NULL, deleted_cb, g_object_ref (self->context));
}

static void
role_changed_cb (PathwaysCareHistorySection *self)
{
  static const char * const edits[] = {
    "care-history.add", "care-history.edit", "care-history.end", "care-history.delete",
  };
  gboolean may = pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_PEOPLE);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], may);
}

/* GObject ---------------------------------------------------------- */

static void
pathways_care_history_section_dispose (GObject *object)
{
  PathwaysCareHistorySection *self = PATHWAYS_CARE_HISTORY_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_CARE_HISTORY_SECTION);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->episodes);
  g_clear_pointer (&self->derived, g_hash_table_unref);
  g_weak_ref_clear (&self->dialog);

  G_OBJECT_CLASS (pathways_care_history_section_parent_class)->dispose (object);
}

static void
pathways_care_history_section_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  PathwaysCareHistorySection *self = PATHWAYS_CARE_HISTORY_SECTION (object);

  switch (prop_id)
    {
    case PROP_N_EPISODES:
      g_value_set_uint (value, self->n_episodes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_care_history_section_class_init (PathwaysCareHistorySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_care_history_section_dispose;
  object_class->get_property = pathways_care_history_section_get_property;

  properties[PROP_N_EPISODES] =
    g_param_spec_uint ("n-episodes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-care-history-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysCareHistorySection, group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCareHistorySection, add_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCareHistorySection, episodes_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCareHistorySection, derived_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysCareHistorySection, note_label);

  gtk_widget_class_install_action (widget_class, "care-history.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "care-history.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "care-history.end", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "care-history.delete", "x", delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "carehistory");
}

static void
pathways_care_history_section_init (PathwaysCareHistorySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_weak_ref_init (&self->dialog, NULL);
}

/* Public API ------------------------------------------------------- */

void
pathways_care_history_section_set_person (PathwaysCareHistorySection *self,
                                          PathwaysContext            *context,
                                          gint64                      person_id)
{
  PathwaysStore *store;
  g_autoptr(GTask) task = NULL;
  Loaded *l;

  g_return_if_fail (PATHWAYS_IS_CARE_HISTORY_SECTION (self));
  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));

  if (self->context != context)
    {
      g_set_object (&self->context, context);
      g_signal_connect_object (context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      role_changed_cb (self);
    }
  self->person_id = person_id;
  store = pathways_context_get_store (context);
  if (store == NULL || person_id == 0)
    return;

  /* A load under way is superseded by this one */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  l = g_new0 (Loaded, 1);
  l->person_id = person_id;
  l->on = pathways_context_dup_today (context);
  task = g_task_new (store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_care_history_section_set_person);
  g_task_set_task_data (task, l, loaded_free);
  g_task_run_in_thread (task, load_thread);
}

guint
pathways_care_history_section_get_n_episodes (PathwaysCareHistorySection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CARE_HISTORY_SECTION (self), 0);
  return self->n_episodes;
}

gboolean
pathways_care_history_section_is_loading (PathwaysCareHistorySection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_CARE_HISTORY_SECTION (self), FALSE);
  return self->loading;
}

PathwaysEpisodeDialog *
pathways_care_history_section_get_dialog (PathwaysCareHistorySection *self)
{
  g_autoptr(GObject) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CARE_HISTORY_SECTION (self), NULL);
  dialog = g_weak_ref_get (&self->dialog);
  return (PathwaysEpisodeDialog *) dialog;  /* the window list keeps it */
}

const char *
pathways_care_history_section_get_derived (PathwaysCareHistorySection *self,
                                           const char                 *what)
{
  g_return_val_if_fail (PATHWAYS_IS_CARE_HISTORY_SECTION (self), NULL);
  return g_hash_table_lookup (self->derived, what);
}
