/* pathways-episode-dialog.c — adding, editing and ending one episode of
 * a young person's care history
 *
 * The fields of an SSDA903 episode: its start, the reason for it, the
 * legal status, category of need, placement and provider, and when it
 * ended and why.  The choices are the 903 code tables, loaded in a
 * worker thread.  Each field says beside it what is wrong, and nothing
 * is written until all of it is right: the store validates the episode
 * (codes valid on its dates, within the young person's life, not
 * overlapping another) in the one recorded action, undone from a toast.
 * "End Episode…" is the same form with only the end open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-episode-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-episode-dialog.h"

struct _PathwaysEpisodeDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *decom_row;
  AdwComboRow     *rne_row;
  AdwComboRow     *ls_row;
  AdwComboRow     *cin_row;
  AdwComboRow     *place_row;
  AdwComboRow     *provider_row;
  AdwEntryRow     *dec_row;
  AdwComboRow     *rec_row;
  GtkLabel        *decom_error;
  GtkLabel        *rne_error;
  GtkLabel        *ls_error;
  GtkLabel        *cin_error;
  GtkLabel        *place_error;
  GtkLabel        *provider_error;
  GtkLabel        *dec_error;
  GtkLabel        *rec_error;
  GtkLabel        *error_label;
  GtkLabel        *intro_label;

  PathwaysContext *context;
  gint64           person_id;
  PathwaysEpisode *episode;       /* NULL when adding */
  PathwaysEpisodeDialogMode mode;
  GCancellable    *cancellable;
  GPtrArray       *codes[6];      /* per combo field: position → code (NULL: not recorded) */
  char            *pending[6];    /* a code asked for before the lists came */
  gboolean         loaded;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (PathwaysEpisodeDialog, pathways_episode_dialog, ADW_TYPE_WINDOW)

typedef struct {
  const char *field;        /* the episode's property */
  const char *list;         /* the 903 code list, NULL for a date */
  gint        combo;        /* index into codes[], -1 for a date */
  gsize       row_offset;
  gsize       error_offset;
} Field;

#define OFF(member) G_STRUCT_OFFSET (PathwaysEpisodeDialog, member)

static const Field fields[] = {
  { "decom", NULL, -1, OFF (decom_row), OFF (decom_error) },
  { "rne", PATHWAYS_REF_RNE, 0, OFF (rne_row), OFF (rne_error) },
  { "ls", PATHWAYS_REF_LS, 1, OFF (ls_row), OFF (ls_error) },
  { "cin", PATHWAYS_REF_CIN, 2, OFF (cin_row), OFF (cin_error) },
  { "place", PATHWAYS_REF_PLACE, 3, OFF (place_row), OFF (place_error) },
  { "place-provider", PATHWAYS_REF_PLACE_PROVIDER, 4, OFF (provider_row), OFF (provider_error) },
  { "dec", NULL, -1, OFF (dec_row), OFF (dec_error) },
  { "rec", PATHWAYS_REF_REC, 5, OFF (rec_row), OFF (rec_error) },
};

#define ROW_OF(self, f)   (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (f)->row_offset))
#define ERROR_OF(self, f) (*(GtkLabel **) G_STRUCT_MEMBER_P ((self), (f)->error_offset))

static const Field *
find_field (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return &fields[i];
  return NULL;
}

static void
show_error (PathwaysEpisodeDialog *self,
            const char            *field,
            const char            *message)
{
  const Field *f = find_field (field);
  GtkLabel *label = f ? ERROR_OF (self, f) : self->error_label;

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (f != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (ROW_OF (self, f), "error");
      else
        gtk_widget_remove_css_class (ROW_OF (self, f), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (ROW_OF (self, f)), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message ? message : "", -1);
    }
}

static void
clear_errors (PathwaysEpisodeDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    show_error (self, fields[i].field, NULL);
  show_error (self, NULL, NULL);
}

static void
set_busy (PathwaysEpisodeDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "episode.save", !busy && self->loaded);
}

static void
select_code (PathwaysEpisodeDialog *self,
             const Field           *f,
             const char            *code)
{
  GPtrArray *codes = self->codes[f->combo];

  if (codes == NULL)
    {
      g_free (self->pending[f->combo]);
      self->pending[f->combo] = g_strdup (code);
      return;
    }
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (ROW_OF (self, f)), i);
        return;
      }
  /* A code the tables do not have (an old import): kept as it is */
  g_ptr_array_add (codes, g_strdup (code));
  gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (ROW_OF (self, f)))), code);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ROW_OF (self, f)), codes->len - 1);
}

static const char *
selected_code (PathwaysEpisodeDialog *self,
               const Field           *f)
{
  GPtrArray *codes = self->codes[f->combo];
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (ROW_OF (self, f)));

  return codes != NULL && i < codes->len ? g_ptr_array_index (codes, i) : NULL;
}

/* Loading the code tables ------------------------------------------ */

typedef struct {
  GListModel *lists[6];
} Codes;

static void
codes_free (gpointer data)
{
  Codes *c = data;

  for (guint i = 0; i < G_N_ELEMENTS (c->lists); i++)
    g_clear_object (&c->lists[i]);
  g_free (c);
}

static void
load_codes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Codes *c = task_data;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].combo >= 0 &&
        (c->lists[fields[i].combo] = pathways_store_list_ref_codes (source_object, fields[i].list, NULL, &error)) == NULL)
      {
        g_task_return_error (task, error);
        return;
      }
  g_task_return_boolean (task, TRUE);
}

static void
fill_combo (PathwaysEpisodeDialog *self,
            const Field           *f,
            GListModel            *list)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (codes, NULL);
  gtk_string_list_append (labels, _("Not recorded"));
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(PathwaysRefCode) code = g_list_model_get_item (list, i);
      const char *c = pathways_ref_code_get_code (code);
      g_autofree char *label = NULL;

      /* A code valid over several periods is offered once; the store
       * checks it against the episode's dates */
      if (g_hash_table_contains (seen, c))
        continue;
      g_hash_table_add (seen, (gpointer) c);
      /* Translators: a 903 code and its meaning, "C2 — Full care order" */
      label = g_strdup_printf (_("%s — %s"), c, pathways_ref_code_get_meaning (code));
      g_ptr_array_add (codes, g_strdup (c));
      gtk_string_list_append (labels, label);
    }
  g_clear_pointer (&self->codes[f->combo], g_ptr_array_unref);
  self->codes[f->combo] = codes;
  adw_combo_row_set_model (ADW_COMBO_ROW (ROW_OF (self, f)), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ROW_OF (self, f)), 0);
}

static void
codes_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PathwaysEpisodeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Codes *c = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, NULL, error->message);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *f = &fields[i];

      if (f->combo < 0)
        continue;
      fill_combo (self, f, c->lists[f->combo]);
      if (self->pending[f->combo] != NULL)
        select_code (self, f, self->pending[f->combo]);
      else if (self->episode != NULL)
        select_code (self, f, pathways_record_get_string (PATHWAYS_RECORD (self->episode), f->field));
      g_clear_pointer (&self->pending[f->combo], g_free);
    }
  self->loaded = TRUE;
  set_busy (self, self->busy);
}

/* Saving ----------------------------------------------------------- */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PathwaysEpisodeDialog) self = user_data;
  g_autoptr(PathwaysRecord) record = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathways_planner_action_finish (PATHWAYS_STORE (source), result, &record, &undo, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      {
        g_autoptr(PathwaysEpisode) probe = pathways_episode_new (self->person_id, NULL);
        const char *field = pathways_person_field_for_error (PATHWAYS_RECORD (probe), error);

        /* The overlap and date-of-birth sentences are about the start */
        show_error (self, find_field (field) ? field : NULL, error->message);
      }
      return;
    }

  set_busy (self, FALSE);
  switch (self->mode)
    {
    case PATHWAYS_EPISODE_DIALOG_ADD:
      pathways_context_show_undoable (self->context, _("Episode added"), undo);
      break;
    case PATHWAYS_EPISODE_DIALOG_END:
      pathways_context_show_undoable (self->context, _("Episode ended"), undo);
      break;
    case PATHWAYS_EPISODE_DIALOG_EDIT:
    default:
      pathways_context_show_undoable (self->context, _("Episode changed"), undo);
      break;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* The date typed in @field as ISO, NULL when empty; FALSE (with the
 * error shown) when it is not a date */
static gboolean
read_date (PathwaysEpisodeDialog  *self,
           const char             *field,
           char                  **out_iso)
{
  const Field *f = find_field (field);
  g_autofree char *text = NULL;
  PathwaysDay day;

  g_return_val_if_fail (f != NULL, FALSE);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ROW_OF (self, f)))));

  *out_iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!pathways_day_parse_user (text, &day, NULL))
    {
      show_error (self, field, _("Enter a date as DD/MM/YYYY"));
      return FALSE;
    }
  *out_iso = pathways_day_to_iso (day);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysEpisodeDialog *self = PATHWAYS_EPISODE_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(PathwaysRecord) record = NULL;
  g_autofree char *decom = NULL;
  g_autofree char *dec = NULL;
  gboolean ok = TRUE;

  if (self->busy || !self->loaded || store == NULL)
    return;
  clear_errors (self);

  ok = read_date (self, "decom", &decom) && ok;
  ok = read_date (self, "dec", &dec) && ok;
  if (ok && decom == NULL)
    show_error (self, "decom", _("Enter the day the episode started as DD/MM/YYYY")), ok = FALSE;
  if (ok && self->mode == PATHWAYS_EPISODE_DIALOG_END && dec == NULL)
    show_error (self, "dec", _("Enter the day the episode ended as DD/MM/YYYY")), ok = FALSE;
  if (!ok)
    return;

  if (self->episode != NULL)
    record = pathways_record_copy (PATHWAYS_RECORD (self->episode));
  else
    record = PATHWAYS_RECORD (pathways_episode_new (self->person_id, decom));
  pathways_record_set_string (record, "decom", decom);
  pathways_record_set_string (record, "dec", dec);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].combo >= 0)
      pathways_record_set_string (record, fields[i].field, selected_code (self, &fields[i]));
  /* Typed in by someone who knows the history: no longer to be checked */
  if (g_strcmp0 (pathways_episode_get_origin (PATHWAYS_EPISODE (record)), PATHWAYS_EPISODE_FROM_TYPED_FIGURES) == 0 &&
      self->mode == PATHWAYS_EPISODE_DIALOG_EDIT)
    pathways_episode_set_needs_check (PATHWAYS_EPISODE (record), FALSE);

  set_busy (self, TRUE);
  pathways_planner_save_async (store, record, self->cancellable, saved_cb, g_object_ref (self));
}

/* GObject ---------------------------------------------------------- */

static void
pathways_episode_dialog_dispose (GObject *object)
{
  PathwaysEpisodeDialog *self = PATHWAYS_EPISODE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_EPISODE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->episode);
  for (guint i = 0; i < G_N_ELEMENTS (self->codes); i++)
    {
      g_clear_pointer (&self->codes[i], g_ptr_array_unref);
      g_clear_pointer (&self->pending[i], g_free);
    }

  G_OBJECT_CLASS (pathways_episode_dialog_parent_class)->dispose (object);
}

static void
pathways_episode_dialog_class_init (PathwaysEpisodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_episode_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-episode-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, decom_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, rne_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, ls_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, cin_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, dec_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, rec_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, decom_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, rne_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, ls_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, cin_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, place_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, provider_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, dec_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, rec_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysEpisodeDialog, intro_label);

  gtk_widget_class_install_action (widget_class, "episode.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "episode.save", NULL);
}

static void
pathways_episode_dialog_init (PathwaysEpisodeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "episode.save", FALSE);
}

/* Public API ------------------------------------------------------- */

PathwaysEpisodeDialog *
pathways_episode_dialog_new (PathwaysContext           *context,
                             gint64                     person_id,
                             PathwaysEpisode           *episode,
                             PathwaysEpisodeDialogMode  mode)
{
  PathwaysEpisodeDialog *self;
  PathwaysStore *store;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (episode != NULL || mode == PATHWAYS_EPISODE_DIALOG_ADD, NULL);

  self = g_object_new (PATHWAYS_TYPE_EPISODE_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  self->mode = mode;
  if (episode != NULL)
    self->episode = PATHWAYS_EPISODE (pathways_record_copy (PATHWAYS_RECORD (episode)));

  if (episode != NULL)
    {
      g_autofree char *decom = pathways_date_format_uk (pathways_episode_get_decom (episode));
      g_autofree char *dec = pathways_date_format_uk (pathways_episode_get_dec (episode));

      gtk_editable_set_text (GTK_EDITABLE (self->decom_row), decom ? decom : "");
      gtk_editable_set_text (GTK_EDITABLE (self->dec_row), dec ? dec : "");
    }

  switch (mode)
    {
    case PATHWAYS_EPISODE_DIALOG_END:
      {
        g_autofree char *today = pathways_context_dup_today (context);
        g_autofree char *uk = pathways_date_format_uk (today);

        gtk_window_set_title (GTK_WINDOW (self), _("End Episode"));
        gtk_label_set_label (self->intro_label,
                             _("The day the episode ceased and why. The next episode may start on the same day."));
        gtk_editable_set_text (GTK_EDITABLE (self->dec_row), uk);
        /* Only the end is open */
        for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
          if (!g_str_equal (fields[i].field, "dec") && !g_str_equal (fields[i].field, "rec"))
            gtk_widget_set_sensitive (ROW_OF (self, &fields[i]), FALSE);
        gtk_widget_grab_focus (GTK_WIDGET (self->dec_row));
      }
      break;
    case PATHWAYS_EPISODE_DIALOG_EDIT:
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Episode"));
      break;
    case PATHWAYS_EPISODE_DIALOG_ADD:
    default:
      break;
    }

  store = pathways_context_get_store (context);
  if (store != NULL)
    {
      task = g_task_new (store, self->cancellable, codes_loaded_cb, g_object_ref (self));
      g_task_set_source_tag (task, pathways_episode_dialog_new);
      g_task_set_task_data (task, g_new0 (Codes, 1), codes_free);
      g_task_run_in_thread (task, load_codes_thread);
    }
  return self;
}

void
pathways_episode_dialog_set_value (PathwaysEpisodeDialog *self,
                                   const char            *field,
                                   const char            *value)
{
  const Field *f = find_field (field);

  g_return_if_fail (PATHWAYS_IS_EPISODE_DIALOG (self));
  g_return_if_fail (f != NULL);

  if (f->combo < 0)
    gtk_editable_set_text (GTK_EDITABLE (ROW_OF (self, f)), value ? value : "");
  else
    select_code (self, f, value);
}

const char *
pathways_episode_dialog_get_error (PathwaysEpisodeDialog *self,
                                   const char            *field)
{
  const Field *f = find_field (field);
  GtkLabel *label;

  g_return_val_if_fail (PATHWAYS_IS_EPISODE_DIALOG (self), NULL);

  label = f ? ERROR_OF (self, f) : self->error_label;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

gboolean
pathways_episode_dialog_is_busy (PathwaysEpisodeDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_EPISODE_DIALOG (self), FALSE);
  return self->busy || !self->loaded;
}
