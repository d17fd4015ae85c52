/*
 * unit.h: common includes for cmocka unit tests.  Each tests/unit/u-*.c is
 * one program testing one module; tests/run.sh runs them all and adds up
 * their results.
 */
#ifndef CARTREF_UNIT_H
#define CARTREF_UNIT_H

#include "base/compat.h"
#include <setjmp.h>
#include <cmocka.h>

#endif
