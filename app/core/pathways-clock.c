/* pathways-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-clock"

#include "config.h"

#include "pathways-clock.h"
#include "pathways-format.h"

struct _PathwaysClock
{
  GObject  parent_instance;
  char    *fixed;
};

G_DEFINE_FINAL_TYPE (PathwaysClock, pathways_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathways_clock_finalize (GObject *object)
{
  PathwaysClock *self = PATHWAYS_CLOCK (object);

  g_clear_pointer (&self->fixed, g_free);

  G_OBJECT_CLASS (pathways_clock_parent_class)->finalize (object);
}

static void
pathways_clock_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PathwaysClock *self = PATHWAYS_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TODAY:
      g_value_take_string (value, pathways_clock_dup_today (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_clock_class_init (PathwaysClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_clock_finalize;
  object_class->get_property = pathways_clock_get_property;

  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pathways_clock_init (PathwaysClock *self)
{
  const char *env = g_getenv ("PATHWAYS_TODAY");
  g_autoptr(GError) error = NULL;
  PathwaysDay day;

  if (env == NULL)
    return;
  /* A day outside 1900–9999 is refused, with the reason */
  if (pathways_day_parse_user (env, &day, &error))
    self->fixed = pathways_day_to_iso (day);
  else
    g_warning ("PATHWAYS_TODAY is ignored: %s", error->message);
}

/**
 * pathways_clock_new:
 *
 * The system clock, unless PATHWAYS_TODAY holds an ISO date.
 */
PathwaysClock *
pathways_clock_new (void)
{
  return g_object_new (PATHWAYS_TYPE_CLOCK, NULL);
}

PathwaysClock *
pathways_clock_new_fixed (const char *today)
{
  PathwaysClock *self = pathways_clock_new ();

  pathways_clock_set_fixed (self, today);
  return self;
}

void
pathways_clock_set_fixed (PathwaysClock *self,
                          const char    *today)
{
  g_return_if_fail (PATHWAYS_IS_CLOCK (self));
  g_return_if_fail (today == NULL || pathways_date_parse_iso (today, NULL));

  g_free (self->fixed);
  self->fixed = g_strdup (today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

/**
 * pathways_clock_dup_today:
 *
 * Returns: (transfer full): today's date, "YYYY-MM-DD", in local time
 */
char *
pathways_clock_dup_today (PathwaysClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PATHWAYS_IS_CLOCK (self), NULL);

  if (self->fixed != NULL)
    return g_strdup (self->fixed);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}
