/* pathways-unit-editor.c — adding a unit to the register, or editing one
 *
 * The form is made from a table of the unit's fields (their labels come
 * from the record's field table, so they match the store's messages).
 * Saving goes through pathways_planner_save_async(); when the store
 * refuses a value, the message shows under the field it names.  When
 * the unit was changed by someone else since the editor opened, the save
 * is refused with who changed what, and "Reload" brings their changes in
 * under the fields typed into, which keep what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-unit-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-unit-editor.h"
#include "pathways-unit-editor-private.h"

typedef enum {
  FIELD_TEXT,
  FIELD_MONEY,
  FIELD_INT,
  FIELD_REAL,
  FIELD_BOOL,
  FIELD_CHOICE,
} FieldKind;

typedef enum {
  GROUP_WHERE,
  GROUP_WHAT,
  GROUP_CONTRACT,
} FieldGroup;

typedef struct {
  const char   *field;
  FieldKind     kind;
  FieldGroup    group;
  PathwaysVocab vocab;       /* for FIELD_CHOICE */
  gboolean      optional;    /* a choice may be left unset */
  double        max;         /* for numbers */
} FieldSpec;

static const FieldSpec specs[] = {
  { "name", FIELD_TEXT, GROUP_WHERE, 0, FALSE, 0 },
  { "address", FIELD_TEXT, GROUP_WHERE, 0, FALSE, 0 },
  { "postcode", FIELD_TEXT, GROUP_WHERE, 0, FALSE, 0 },
  { "area", FIELD_TEXT, GROUP_WHERE, 0, FALSE, 0 },
  { "in-authority", FIELD_BOOL, GROUP_WHERE, 0, FALSE, 0 },
  { "provider", FIELD_TEXT, GROUP_WHERE, 0, FALSE, 0 },
  { "provider-type", FIELD_CHOICE, GROUP_WHERE, PATHWAYS_VOCAB_PROVIDER_TYPE, TRUE, 0 },
  { "kind", FIELD_CHOICE, GROUP_WHAT, PATHWAYS_VOCAB_UNIT_KIND, FALSE, 0 },
  { "bedrooms", FIELD_INT, GROUP_WHAT, 0, FALSE, 20 },
  { "shared", FIELD_BOOL, GROUP_WHAT, 0, FALSE, 0 },
  { "min-age", FIELD_INT, GROUP_WHAT, 0, FALSE, 30 },
  { "max-age", FIELD_INT, GROUP_WHAT, 0, FALSE, 30 },
  { "support-hours", FIELD_REAL, GROUP_WHAT, 0, FALSE, 168 },
  { "staffing", FIELD_CHOICE, GROUP_WHAT, PATHWAYS_VOCAB_STAFFING, TRUE, 0 },
  { "registration", FIELD_CHOICE, GROUP_CONTRACT, PATHWAYS_VOCAB_REGISTRATION, TRUE, 0 },
  { "ofsted-urn", FIELD_TEXT, GROUP_CONTRACT, 0, FALSE, 0 },
  { "weekly-cost", FIELD_MONEY, GROUP_CONTRACT, 0, FALSE, 0 },
  { "commissioning", FIELD_CHOICE, GROUP_CONTRACT, PATHWAYS_VOCAB_COMMISSIONING, TRUE, 0 },
};

typedef struct {
  const FieldSpec *spec;
  const char      *label;   /* translated */
  GtkWidget       *row;
  GtkWidget       *input;   /* GtkEditable, GtkSpinButton, GtkSwitch, or the combo row */
  GtkWidget       *error_row;
  GtkLabel        *error_label;
} Field;

struct _PathwaysUnitEditor
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  PathwaysRecord *record;   /* a copy being edited */
  PathwaysRecord *original; /* the unit as it was read */
  GWeakRef        conflict_dialog;
  GWeakRef        discard_dialog;
  gboolean        closing;  /* saved, or the edits discarded: close without asking */
  Field           fields[G_N_ELEMENTS (specs)];
  guint           busy;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *where_group;
  AdwPreferencesGroup  *what_group;
  AdwPreferencesGroup  *contract_group;
};

G_DEFINE_FINAL_TYPE (PathwaysUnitEditor, pathways_unit_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static Field *
find_field (PathwaysUnitEditor *self,
            const char         *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_str_equal (specs[i].field, name))
      return &self->fields[i];
  return NULL;
}

static void
clear_errors (PathwaysUnitEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      gtk_widget_set_visible (self->fields[i].error_row, FALSE);
      gtk_label_set_label (self->fields[i].error_label, "");
      gtk_widget_remove_css_class (self->fields[i].row, "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_field_error (PathwaysUnitEditor *self,
                  Field              *f,
                  const char         *message)
{
  gtk_label_set_label (f->error_label, message);
  gtk_widget_set_visible (f->error_row, TRUE);
  gtk_widget_add_css_class (f->row, "error");
  gtk_widget_grab_focus (f->input);
}

/* The store's messages start with the field's label ("Ofsted URN ‘12’
 * should be …", "Weekly cost cannot be negative"): show each under its
 * field, and anything else at the top */
static void
show_error (PathwaysUnitEditor *self,
            const char         *message)
{
  Field *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      gsize len = strlen (self->fields[i].label);
      if (g_str_has_prefix (message, self->fields[i].label) && len > best_len)
        {
          best = &self->fields[i];
          best_len = len;
        }
    }
  /* "Age range 20–18 is not sensible" */
  if (best == NULL && g_str_has_prefix (message, _("Age range")))
    best = find_field (self, "min-age");

  if (best != NULL)
    show_field_error (self, best, message);
  else
    {
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static GtkStringList *
choice_model (const FieldSpec *spec)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const PathwaysVocabEntry *entries;
  guint n;

  if (spec->optional)
    gtk_string_list_append (list, _("Not recorded"));
  entries = pathways_vocab_entries (spec->vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, pathways_vocab_label (spec->vocab, entries[i].code));
  return list;
}

static AdwPreferencesGroup *
group_for (PathwaysUnitEditor *self,
           FieldGroup          group)
{
  switch (group)
    {
    case GROUP_WHERE:
      return self->where_group;
    case GROUP_WHAT:
      return self->what_group;
    case GROUP_CONTRACT:
    default:
      return self->contract_group;
    }
}

static void
build_form (PathwaysUnitEditor *self)
{
  PathwaysRecordClass *klass = g_type_class_peek (PATHWAYS_TYPE_UNIT);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      const FieldSpec *spec = &specs[i];
      Field *f = &self->fields[i];
      int idx = pathways_record_class_find_field (klass, spec->field);
      GtkWidget *label;

      g_assert (idx >= 0);
      f->spec = spec;
      f->label = g_dgettext (GETTEXT_PACKAGE, pathways_record_class_get_field (klass, idx)->label);

      switch (spec->kind)
        {
        case FIELD_TEXT:
        case FIELD_MONEY:
          f->row = adw_entry_row_new ();
          f->input = f->row;
          if (spec->kind == FIELD_MONEY)
            {
              /* Translators: the field "Weekly cost" is in pounds */
              g_autofree char *title = g_strdup_printf (_("%s (£)"), f->label);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), title);
              gtk_widget_add_css_class (f->row, "numeric");
            }
          break;

        case FIELD_INT:
        case FIELD_REAL:
          f->row = adw_action_row_new ();
          f->input = gtk_spin_button_new_with_range (0, spec->max, spec->kind == FIELD_REAL ? 0.5 : 1);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (f->input), spec->kind == FIELD_REAL ? 1 : 0);
          gtk_widget_set_valign (f->input, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_PROPERTY_LABEL, f->label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), f->input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (f->row), f->input);
          /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          break;

        case FIELD_BOOL:
          f->row = adw_action_row_new ();
          f->input = gtk_switch_new ();
          gtk_widget_set_valign (f->input, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_PROPERTY_LABEL, f->label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (f->row), f->input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (f->row), f->input);
          /* Its own label, not the row's title again (libadwaita 1.2 adds the title as labelled-by) */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (f->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          break;

        case FIELD_CHOICE:
        default:
          {
            g_autoptr(GtkStringList) model = choice_model (spec);
            f->row = adw_combo_row_new ();
            adw_combo_row_set_model (ADW_COMBO_ROW (f->row), G_LIST_MODEL (model));
            f->input = f->row;
          }
          break;
        }
      if (spec->kind != FIELD_MONEY)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), f->label);
      adw_preferences_group_add (group_for (self, spec->group), f->row);

      /* The row under it for what is wrong with it: hidden until then */
      f->error_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (f->error_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (f->error_row), FALSE);
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (f->error_row), label);
      f->error_label = GTK_LABEL (label);
      gtk_widget_set_visible (f->error_row, FALSE);
      adw_preferences_group_add (group_for (self, spec->group), f->error_row);
    }
}

static void
load_record (PathwaysUnitEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      Field *f = &self->fields[i];
      const char *name = f->spec->field;

      switch (f->spec->kind)
        {
        case FIELD_TEXT:
          {
            const char *s = pathways_record_get_string (self->record, name);
            gtk_editable_set_text (GTK_EDITABLE (f->input), s ? s : "");
          }
          break;
        case FIELD_MONEY:
          {
            gint64 pence = pathways_record_get_int (self->record, name);
            g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", pence / 100, (int) (pence % 100));
            gtk_editable_set_text (GTK_EDITABLE (f->input), text);
          }
          break;
        case FIELD_INT:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->input), pathways_record_get_int (self->record, name));
          break;
        case FIELD_REAL:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->input), pathways_record_get_real (self->record, name));
          break;
        case FIELD_BOOL:
          gtk_switch_set_active (GTK_SWITCH (f->input), pathways_record_get_bool (self->record, name));
          break;
        case FIELD_CHOICE:
        default:
          {
            const char *code = pathways_record_get_string (self->record, name);
            const PathwaysVocabEntry *entries;
            guint n, selected = 0;

            entries = pathways_vocab_entries (f->spec->vocab, &n);
            for (guint k = 0; code != NULL && k < n; k++)
              if (g_str_equal (entries[k].code, code))
                selected = k + (f->spec->optional ? 1 : 0);
            adw_combo_row_set_selected (ADW_COMBO_ROW (f->input), selected);
          }
          break;
        }
    }
}

/* An empty field is no cost; anything else must be an amount
 * (pathways_money_parse(): not "1e300", "inf", "12.345" …) */
static gboolean
parse_money (const char  *text,
             gint64      *out_pence,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  if (*clean == '\0')
    {
      *out_pence = 0;
      return TRUE;
    }
  return pathways_money_parse (clean, out_pence, error);
}

/* The form into the record; FALSE with an error shown when a value
 * cannot even be read */
static gboolean
store_record (PathwaysUnitEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      Field *f = &self->fields[i];
      const char *name = f->spec->field;

      switch (f->spec->kind)
        {
        case FIELD_TEXT:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->input))));
            pathways_record_set_string (self->record, name, *text ? text : NULL);
          }
          break;
        case FIELD_MONEY:
          {
            g_autoptr(GError) error = NULL;
            gint64 pence;

            if (!parse_money (gtk_editable_get_text (GTK_EDITABLE (f->input)), &pence, &error))
              {
                show_field_error (self, f, error->message);
                return FALSE;
              }
            pathways_record_set_int (self->record, name, pence);
          }
          break;
        case FIELD_INT:
          gtk_spin_button_update (GTK_SPIN_BUTTON (f->input));
          pathways_record_set_int (self->record, name, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (f->input)));
          break;
        case FIELD_REAL:
          gtk_spin_button_update (GTK_SPIN_BUTTON (f->input));
          pathways_record_set_real (self->record, name, gtk_spin_button_get_value (GTK_SPIN_BUTTON (f->input)));
          break;
        case FIELD_BOOL:
          pathways_record_set_bool (self->record, name, gtk_switch_get_active (GTK_SWITCH (f->input)));
          break;
        case FIELD_CHOICE:
        default:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (f->input));
            const PathwaysVocabEntry *entries;
            guint n;

            entries = pathways_vocab_entries (f->spec->vocab, &n);
            if (f->spec->optional)
              pathways_record_set_string (self->record, name,
                                          selected > 0 && selected <= n ? entries[selected - 1].code : NULL);
            else
              pathways_record_set_string (self->record, name, selected < n ? entries[selected].code : NULL);
          }
          break;
        }
    }
  return TRUE;
}

/* Saving */

static PathwaysStore *
get_store (PathwaysUnitEditor *self)
{
  return pathways_context_get_store (self->context);
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) != 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) != g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) != !g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
    default:
      return g_value_get_double (a) != g_value_get_double (b);
    }
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PathwaysUnitEditor) self = user_data;
  g_autoptr(PathwaysRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  PathwaysRecordClass *klass;

  self->busy--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  fresh = pathways_store_get_finish (PATHWAYS_STORE (source), result, &error);
  if (fresh == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Their values, but where something was typed here: what was typed */
  store_record (self);
  klass = PATHWAYS_RECORD_GET_CLASS (fresh);
  for (guint f = 0; f < pathways_record_class_get_n_fields (klass); f++)
    if (values_differ (pathways_record_peek_value (self->record, f), pathways_record_peek_value (self->original, f)))
      pathways_record_set_value (fresh, f, pathways_record_peek_value (self->record, f));
  g_clear_object (&self->original);
  self->original = pathways_record_copy (fresh);
  g_set_object (&self->record, fresh);
  load_record (self);
  clear_errors (self);
}

static void
conflict_response_cb (PathwaysUnitEditor *self,
                      const char         *response,
                      AdwMessageDialog   *dialog)
{
  if (g_strcmp0 (response, "reload") != 0 || get_store (self) == NULL)
    return;
  self->busy++;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  pathways_store_get_async (get_store (self), PATHWAYS_TYPE_UNIT, pathways_record_get_id (self->record), NULL,
                            reloaded_cb, g_object_ref (self));
}

static void
show_conflict (PathwaysUnitEditor *self,
               const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed by Someone Else"), error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_set (&self->conflict_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PathwaysUnitEditor) self = user_data;
  g_autoptr(PathwaysRecord) saved = NULL;
  g_autoptr(PathwaysChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;

  self->busy--;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  if (!pathways_planner_action_finish (PATHWAYS_STORE (source), result, &saved, &changes, &error))
    {
      if (g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONFLICT))
        show_conflict (self, error);
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, changes, pathways_record_get_id (saved));
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysUnitEditor *self = PATHWAYS_UNIT_EDITOR (widget);

  clear_errors (self);
  if (get_store (self) == NULL || !store_record (self))
    return;

  self->busy++;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  /* (a copy is saved: the form's record keeps its version if refused) */
  pathways_planner_save_async (get_store (self), self->record, NULL, saved_cb, g_object_ref (self));
}

/* Whether the form holds something not saved: a value changed, or one
 * that cannot be read */
static gboolean
form_changed (PathwaysUnitEditor *self)
{
  PathwaysRecordClass *klass = PATHWAYS_RECORD_GET_CLASS (self->record);

  if (!store_record (self))
    return TRUE;
  for (guint f = 0; f < pathways_record_class_get_n_fields (klass); f++)
    if (values_differ (pathways_record_peek_value (self->record, f), pathways_record_peek_value (self->original, f)))
      return TRUE;
  return FALSE;
}

/* After the dialog's response, not in it: closing the editor takes its
 * dialog with it */
static gboolean
close_discarding_cb (gpointer data)
{
  PathwaysUnitEditor *self = data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (PathwaysUnitEditor *self,
                     const char         *response,
                     AdwMessageDialog   *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding_cb, g_object_ref (self), g_object_unref);
  else if (g_strcmp0 (response, "save") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* GtkWindow overrides */

/* Nothing typed is lost without asking: Cancel or Escape with changes
 * not saved asks whether to save them */
static gboolean
pathways_unit_editor_close_request (GtkWindow *window)
{
  PathwaysUnitEditor *self = PATHWAYS_UNIT_EDITOR (window);
  g_autoptr(GtkWindow) open = g_weak_ref_get (&self->discard_dialog);
  GtkWidget *dialog;

  if (self->closing || self->record == NULL || !form_changed (self))
    return GTK_WINDOW_CLASS (pathways_unit_editor_parent_class)->close_request (window);
  if (open != NULL)
    return TRUE;

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("The changes to this unit have not been saved. If you discard them, they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  g_weak_ref_set (&self->discard_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject overrides */

static void
pathways_unit_editor_dispose (GObject *object)
{
  PathwaysUnitEditor *self = PATHWAYS_UNIT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_UNIT_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->record);
  g_clear_object (&self->original);
  g_weak_ref_clear (&self->conflict_dialog);
  g_weak_ref_clear (&self->discard_dialog);

  G_OBJECT_CLASS (pathways_unit_editor_parent_class)->dispose (object);
}

static void
pathways_unit_editor_class_init (PathwaysUnitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_unit_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = pathways_unit_editor_close_request;

  /**
   * PathwaysUnitEditor::saved:
   * @changes: what was written, for "Undo"
   * @unit_id: the unit
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 PATHWAYS_TYPE_CHANGE_SET, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-unit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitEditor, where_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitEditor, what_group);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitEditor, contract_group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
pathways_unit_editor_init (PathwaysUnitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->conflict_dialog, NULL);
  g_weak_ref_init (&self->discard_dialog, NULL);

  g_type_ensure (PATHWAYS_TYPE_UNIT);
  build_form (self);
}

/* Public API */

/**
 * pathways_unit_editor_new:
 * @unit: (nullable): the unit to edit, or %NULL to add one
 */
PathwaysUnitEditor *
pathways_unit_editor_new (PathwaysContext *context,
                          PathwaysUnit    *unit)
{
  PathwaysUnitEditor *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (unit == NULL || PATHWAYS_IS_UNIT (unit), NULL);

  self = g_object_new (PATHWAYS_TYPE_UNIT_EDITOR, NULL);
  self->context = g_object_ref (context);
  if (unit != NULL)
    {
      self->record = pathways_record_copy (PATHWAYS_RECORD (unit));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Unit"));
      adw_window_title_set_title (self->window_title, _("Edit Unit"));
      adw_window_title_set_subtitle (self->window_title, pathways_record_get_string (self->record, "name"));
    }
  else
    {
      self->record = PATHWAYS_RECORD (pathways_unit_new ());
      pathways_record_set_bool (self->record, "in-authority", TRUE);
      pathways_record_set_int (self->record, "bedrooms", 1);
      pathways_record_set_int (self->record, "min-age", 18);
      pathways_record_set_int (self->record, "max-age", 25);
      gtk_window_set_title (GTK_WINDOW (self), _("New Unit"));
      adw_window_title_set_title (self->window_title, _("New Unit"));
    }
  self->original = pathways_record_copy (self->record);
  load_record (self);
  return self;
}

/**
 * pathways_unit_editor_get_discard_dialog:
 *
 * Returns: (transfer none) (nullable): the "Save Changes?" dialog, while
 *   it is open
 */
GtkWindow *
pathways_unit_editor_get_discard_dialog (PathwaysUnitEditor *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_UNIT_EDITOR (self), NULL);

  dialog = g_weak_ref_get (&self->discard_dialog);
  return dialog;   /* still referenced by GTK while it is open */
}

/**
 * pathways_unit_editor_get_conflict_dialog:
 *
 * Returns: (transfer none) (nullable): the "Changed by Someone Else"
 *   dialog, while it is open
 */
GtkWindow *
pathways_unit_editor_get_conflict_dialog (PathwaysUnitEditor *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  g_return_val_if_fail (PATHWAYS_IS_UNIT_EDITOR (self), NULL);

  dialog = g_weak_ref_get (&self->conflict_dialog);
  return dialog;   /* still referenced by GTK while it is open */
}

/**
 * pathways_unit_editor_set_text:
 * @field: a text, money or number field ("ofsted-urn", "weekly-cost",
 *   "min-age" …)
 */
void
pathways_unit_editor_set_text (PathwaysUnitEditor *self,
                               const char         *field,
                               const char         *text)
{
  Field *f;

  g_return_if_fail (PATHWAYS_IS_UNIT_EDITOR (self));

  f = find_field (self, field);
  g_return_if_fail (f != NULL);
  if (GTK_IS_SPIN_BUTTON (f->input))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (f->input), g_ascii_strtod (text, NULL));
  else if (GTK_IS_EDITABLE (f->input))
    gtk_editable_set_text (GTK_EDITABLE (f->input), text);
  else
    g_return_if_reached ();
}

void
pathways_unit_editor_set_kind (PathwaysUnitEditor *self,
                               const char         *kind)
{
  const PathwaysVocabEntry *entries;
  Field *field;
  guint n;

  g_return_if_fail (PATHWAYS_IS_UNIT_EDITOR (self));

  field = find_field (self, "kind");
  g_return_if_fail (field != NULL);
  entries = pathways_vocab_entries (PATHWAYS_VOCAB_UNIT_KIND, &n);
  for (guint k = 0; k < n; k++)
    if (g_str_equal (entries[k].code, kind))
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), k);
}

/**
 * pathways_unit_editor_get_field_error:
 *
 * Returns: (nullable): what is wrong with @field, as shown under it
 */
const char *
pathways_unit_editor_get_field_error (PathwaysUnitEditor *self,
                                      const char         *field)
{
  Field *f;

  g_return_val_if_fail (PATHWAYS_IS_UNIT_EDITOR (self), NULL);

  f = find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return gtk_widget_get_visible (f->error_row) ? gtk_label_get_label (f->error_label) : NULL;
}

gboolean
pathways_unit_editor_is_busy (PathwaysUnitEditor *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_EDITOR (self), FALSE);

  return self->busy > 0;
}
