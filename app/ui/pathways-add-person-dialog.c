/* pathways-add-person-dialog.c — adding a young person to the caseload
 *
 * The fields a new record needs; each says beside it what is wrong, and
 * nothing is written until all of it is right (the store validates the
 * same way as the profile, in the one transaction that also makes the
 * milestones from the templates).  "added" hands the window the change
 * set for its undo toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-add-person-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-add-person-dialog.h"
#include "pathways-add-person-dialog-private.h"
#include "pathways-core.h"

struct _PathwaysAddPersonDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *given_row;
  AdwEntryRow     *family_row;
  AdwEntryRow     *preferred_row;
  AdwEntryRow     *dob_row;
  AdwEntryRow     *local_id_row;
  AdwComboRow     *sex_row;
  GtkLabel        *given_error;
  GtkLabel        *family_error;
  GtkLabel        *preferred_error;
  GtkLabel        *dob_error;
  GtkLabel        *local_id_error;
  GtkLabel        *error_label;

  PathwaysContext *context;
  GCancellable    *cancellable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (PathwaysAddPersonDialog, pathways_add_person_dialog, ADW_TYPE_WINDOW)

enum { ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The codes of the sex row, in its order */
static const char * const sex_codes[] = { "F", "M" };

typedef struct {
  const char *field;
  gsize       row_offset;
  gsize       error_offset;
} Field;

static const Field fields[] = {
  { "given-name", G_STRUCT_OFFSET (PathwaysAddPersonDialog, given_row), G_STRUCT_OFFSET (PathwaysAddPersonDialog, given_error) },
  { "family-name", G_STRUCT_OFFSET (PathwaysAddPersonDialog, family_row), G_STRUCT_OFFSET (PathwaysAddPersonDialog, family_error) },
  { "preferred-name", G_STRUCT_OFFSET (PathwaysAddPersonDialog, preferred_row), G_STRUCT_OFFSET (PathwaysAddPersonDialog, preferred_error) },
  { "date-of-birth", G_STRUCT_OFFSET (PathwaysAddPersonDialog, dob_row), G_STRUCT_OFFSET (PathwaysAddPersonDialog, dob_error) },
  { "local-id", G_STRUCT_OFFSET (PathwaysAddPersonDialog, local_id_row), G_STRUCT_OFFSET (PathwaysAddPersonDialog, local_id_error) },
};

static const Field *
find_field (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return &fields[i];
  return NULL;
}

#define ROW_OF(self, f)   (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), (f)->row_offset))
#define ERROR_OF(self, f) (*(GtkLabel **) G_STRUCT_MEMBER_P ((self), (f)->error_offset))

static void
show_error (PathwaysAddPersonDialog *self,
            const char              *field,
            const char              *message)
{
  const Field *f = find_field (field);
  GtkLabel *label = f ? ERROR_OF (self, f) : self->error_label;

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (f != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (ROW_OF (self, f)), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (ROW_OF (self, f)), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (ROW_OF (self, f)), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message ? message : "", -1);
    }
}

static void
clear_errors (PathwaysAddPersonDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    show_error (self, fields[i].field, NULL);
  show_error (self, NULL, NULL);
}

static char *
text_of (PathwaysAddPersonDialog *self,
         const char              *field)
{
  const Field *f = find_field (field);
  const char *text;
  char *stripped;

  g_return_val_if_fail (f != NULL, NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (ROW_OF (self, f)));
  stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  return stripped;
}

static void
set_busy (PathwaysAddPersonDialog *self,
          gboolean                 busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-person.add", !busy);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PathwaysAddPersonDialog) self = user_data;
  g_autoptr(PathwaysRecord) record = NULL;
  g_autoptr(PathwaysChangeSet) undo = NULL;
  g_autoptr(GError) error = NULL;

  if (!pathways_planner_action_finish (PATHWAYS_STORE (source), result, &record, &undo, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      {
        g_autoptr(PathwaysYoungPerson) probe = pathways_young_person_new ();
        const char *field = pathways_person_field_for_error (PATHWAYS_RECORD (probe), error);

        /* A clash of local IDs is about the local ID */
        if (field == NULL && g_error_matches (error, PATHWAYS_STORE_ERROR, PATHWAYS_STORE_ERROR_CONSTRAINT))
          field = "local-id";
        show_error (self, find_field (field) ? field : NULL, error->message);
      }
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[ADDED], 0, undo, pathways_record_get_id (record));
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PathwaysAddPersonDialog *self = PATHWAYS_ADD_PERSON_DIALOG (widget);
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(PathwaysYoungPerson) yp = NULL;
  g_autofree char *given = text_of (self, "given-name");
  g_autofree char *family = text_of (self, "family-name");
  g_autofree char *preferred = text_of (self, "preferred-name");
  g_autofree char *dob_text = text_of (self, "date-of-birth");
  g_autofree char *local_id = text_of (self, "local-id");
  g_autofree char *dob = NULL;
  guint sex = adw_combo_row_get_selected (self->sex_row);
  gboolean ok = TRUE;

  if (self->busy || store == NULL)
    return;
  clear_errors (self);

  /* Every field that is wrong says so at once; the rest is the store's */
  if (given == NULL)
    show_error (self, "given-name", _("Enter their given name")), ok = FALSE;
  if (family == NULL)
    show_error (self, "family-name", _("Enter their family name")), ok = FALSE;
  if (dob_text == NULL)
    show_error (self, "date-of-birth", _("Enter their date of birth as DD/MM/YYYY")), ok = FALSE;
  else
    {
      PathwaysDay day;

      if (!pathways_day_parse_user (dob_text, &day, NULL))
        show_error (self, "date-of-birth", _("Enter a date as DD/MM/YYYY")), ok = FALSE;
      else
        dob = pathways_day_to_iso (day);
    }
  if (local_id == NULL)
    show_error (self, "local-id", _("Enter their local child ID")), ok = FALSE;
  if (!ok)
    return;

  yp = pathways_young_person_new ();
  g_object_set (yp, "given-name", given, "family-name", family, "preferred-name", preferred,
                "date-of-birth", dob, "local-id", local_id,
                "sex", sex < G_N_ELEMENTS (sex_codes) ? sex_codes[sex] : NULL, NULL);
  /* A personal adviser adds to their own caseload */
  if (g_strcmp0 (pathways_context_get_role (self->context), "pa") == 0 ||
      pathways_context_get_role (self->context) == NULL)
    pathways_young_person_set_pa_id (yp, pathways_context_get_staff_id (self->context));

  set_busy (self, TRUE);
  pathways_planner_add_person_async (store, yp, self->cancellable, added_cb, g_object_ref (self));
}

static void
pathways_add_person_dialog_dispose (GObject *object)
{
  PathwaysAddPersonDialog *self = PATHWAYS_ADD_PERSON_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_ADD_PERSON_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_add_person_dialog_parent_class)->dispose (object);
}

static void
pathways_add_person_dialog_class_init (PathwaysAddPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_add_person_dialog_dispose;

  /**
   * PathwaysAddPersonDialog::added:
   * @undo: what undoes the addition
   * @person_id: the new young person
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, PATHWAYS_TYPE_CHANGE_SET, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-add-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, given_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, preferred_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, dob_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, local_id_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, given_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, family_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, preferred_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, dob_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, local_id_error);
  gtk_widget_class_bind_template_child (widget_class, PathwaysAddPersonDialog, error_label);

  gtk_widget_class_install_action (widget_class, "add-person.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "add-person.add", NULL);
}

static void
pathways_add_person_dialog_init (PathwaysAddPersonDialog *self)
{
  g_autoptr(GtkStringList) sexes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sex_codes); i++)
    gtk_string_list_append (sexes, pathways_vocab_label (PATHWAYS_VOCAB_SEX, sex_codes[i]));
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
}

/* Public API */

/**
 * pathways_add_person_dialog_new:
 * @context: the application's context (its store must be open)
 */
PathwaysAddPersonDialog *
pathways_add_person_dialog_new (PathwaysContext *context)
{
  PathwaysAddPersonDialog *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_ADD_PERSON_DIALOG, NULL);
  self->context = g_object_ref (context);
  return self;
}

void
pathways_add_person_dialog_set_text (PathwaysAddPersonDialog *self,
                                     const char              *field,
                                     const char              *text)
{
  const Field *f = find_field (field);

  g_return_if_fail (PATHWAYS_IS_ADD_PERSON_DIALOG (self));
  g_return_if_fail (f != NULL);

  gtk_editable_set_text (GTK_EDITABLE (ROW_OF (self, f)), text ? text : "");
}

const char *
pathways_add_person_dialog_get_error (PathwaysAddPersonDialog *self,
                                      const char              *field)
{
  const Field *f = find_field (field);
  GtkLabel *label;

  g_return_val_if_fail (PATHWAYS_IS_ADD_PERSON_DIALOG (self), NULL);

  label = f ? ERROR_OF (self, f) : self->error_label;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

gboolean
pathways_add_person_dialog_is_busy (PathwaysAddPersonDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ADD_PERSON_DIALOG (self), FALSE);
  return self->busy;
}
