import { i18n } from '@lingui/core';
import { CATALOGS } from './catalogs';

// Unit tests read messages in English, as a person with an English browser would.
i18n.load(CATALOGS);
i18n.activate('en');
