#include "_cgo_export.h"
void callSlice(void) { retSlice(); }
void callErr(void) { retErr(); }
void callMap(void) { retMap(); }
void callChan(void) { retChan(); }
void callFunc(void) { retFunc(); }
