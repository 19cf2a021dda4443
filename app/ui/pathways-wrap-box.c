/* pathways-wrap-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-wrap-box"

#include "config.h"

#include "pathways-wrap-box.h"

struct _PathwaysWrapBox
{
  GtkWidget parent_instance;

  int       column_spacing;
  int       row_spacing;
  guint     n_lines;     /* at the last allocation */
};

G_DEFINE_FINAL_TYPE (PathwaysWrapBox, pathways_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout ------------------------------------------------------------ */

/* The width a child takes in a line @width wide: its natural width, or
 * the line if that is less, but never under its minimum */
static int
child_width (GtkWidget *child,
             int        width)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return MAX (minimum, MIN (natural, width));
}

static int
child_height (GtkWidget *child,
              int        width,
              gboolean   natural)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

/* The width each child of the line from @line_start to @line_end takes:
 * its own (child_width()), and the room the line leaves shared among
 * the children that expand horizontally */
static int
line_child_width (GtkWidget *child,
                  int        width,
                  int        extra,
                  guint      n_expand,
                  guint     *nth_expand)
{
  int w = child_width (child, width);

  if (n_expand > 0 && extra > 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
    {
      /* The first ones take the pixels that do not divide evenly */
      w += extra / (int) n_expand + ((int) *nth_expand < extra % (int) n_expand ? 1 : 0);
      (*nth_expand)++;
    }
  return w;
}

/* Lays the children out in lines @width wide.  With @allocate, gives
 * each its place; returns the height the lines take, at their natural
 * heights or (with !@natural) their minimum ones */
static int
flow (PathwaysWrapBox *self,
      int              width,
      gboolean         natural,
      gboolean         allocate)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;
  guint n_lines = 0;

  while (line_start != NULL)
    {
      GtkWidget *child, *line_end;
      int x = 0, line_height = 0, extra;
      guint n_expand = 0, nth_expand = 0;
      gboolean any = FALSE;

      /* Which children fit on this line */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (any && x + self->column_spacing + w > width)
            break;
          x += (any ? self->column_spacing : 0) + w;
          if (gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
          any = TRUE;
        }
      line_end = child;
      if (!any)
        break;
      extra = width - x;

      /* How high it is, at the widths they take */
      for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_should_layout (child))
          line_height = MAX (line_height,
                             child_height (child, line_child_width (child, width, extra, n_expand, &nth_expand),
                                           natural));

      if (n_lines > 0)
        y += self->row_spacing;
      if (allocate)
        {
          x = 0;
          nth_expand = 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w;

              if (!gtk_widget_should_layout (child))
                continue;
              w = line_child_width (child, width, extra, n_expand, &nth_expand);
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height },
                                        -1);
              x += w + self->column_spacing;
            }
        }
      y += line_height;
      n_lines++;
      line_start = line_end;
    }

  if (allocate)
    self->n_lines = n_lines;
  return y;
}

/* GtkWidget overrides ----------------------------------------------- */

static GtkSizeRequestMode
pathways_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pathways_wrap_box_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PathwaysWrapBox *self = PATHWAYS_WRAP_BOX (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean any = FALSE;

      /* At least the widest child; at best all of them on one line */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min = 0, nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += (any ? self->column_spacing : 0) + nat;
          any = TRUE;
        }
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          /* No width given: as high as at the minimum width */
          gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
        }
      *minimum = flow (self, width, FALSE, FALSE);
      *natural = flow (self, width, TRUE, FALSE);
    }
}

static void
pathways_wrap_box_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  flow (PATHWAYS_WRAP_BOX (widget), width, TRUE, TRUE);
}

/* A child that expands makes the box expand, as in a GtkBox */
static void
pathways_wrap_box_compute_expand (GtkWidget *widget,
                                  gboolean  *hexpand,
                                  gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

/* GObject overrides ------------------------------------------------- */

static void
pathways_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (pathways_wrap_box_parent_class)->dispose (object);
}

static void
pathways_wrap_box_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwaysWrapBox *self = PATHWAYS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_wrap_box_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwaysWrapBox *self = PATHWAYS_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      pathways_wrap_box_set_column_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      pathways_wrap_box_set_row_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_wrap_box_class_init (PathwaysWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_wrap_box_dispose;
  object_class->get_property = pathways_wrap_box_get_property;
  object_class->set_property = pathways_wrap_box_set_property;

  widget_class->get_request_mode = pathways_wrap_box_get_request_mode;
  widget_class->measure = pathways_wrap_box_measure;
  widget_class->size_allocate = pathways_wrap_box_size_allocate;
  widget_class->compute_expand = pathways_wrap_box_compute_expand;

  /**
   * PathwaysWrapBox:column-spacing:
   *
   * Pixels between two children on a line.
   */
  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PathwaysWrapBox:row-spacing:
   *
   * Pixels between two lines.
   */
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT16, 6,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pathways_wrap_box_init (PathwaysWrapBox *self)
{
  self->column_spacing = 6;
  self->row_spacing = 6;
}

/* Public API -------------------------------------------------------- */

GtkWidget *
pathways_wrap_box_new (void)
{
  return g_object_new (PATHWAYS_TYPE_WRAP_BOX, NULL);
}

void
pathways_wrap_box_append (PathwaysWrapBox *self,
                          GtkWidget       *child)
{
  g_return_if_fail (PATHWAYS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

int
pathways_wrap_box_get_column_spacing (PathwaysWrapBox *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WRAP_BOX (self), 0);

  return self->column_spacing;
}

void
pathways_wrap_box_set_column_spacing (PathwaysWrapBox *self,
                                      int              spacing)
{
  g_return_if_fail (PATHWAYS_IS_WRAP_BOX (self));

  if (self->column_spacing == spacing)
    return;
  self->column_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_SPACING]);
}

int
pathways_wrap_box_get_row_spacing (PathwaysWrapBox *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WRAP_BOX (self), 0);

  return self->row_spacing;
}

void
pathways_wrap_box_set_row_spacing (PathwaysWrapBox *self,
                                   int              spacing)
{
  g_return_if_fail (PATHWAYS_IS_WRAP_BOX (self));

  if (self->row_spacing == spacing)
    return;
  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}

/**
 * pathways_wrap_box_get_n_lines:
 *
 * How many lines the children took at the last allocation.
 */
guint
pathways_wrap_box_get_n_lines (PathwaysWrapBox *self)
{
  g_return_val_if_fail (PATHWAYS_IS_WRAP_BOX (self), 0);

  return self->n_lines;
}
