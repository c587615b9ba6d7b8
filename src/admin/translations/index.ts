/**
 * Every message the admin panel gets from us, per interface language (the admin's
 * `config.translations`, merged over Strapi's own per locale): the workflow screens' texts, our
 * record type and field names in Chinese, and the zh-Hans texts Strapi itself lacks.
 */
import { fileTranslations } from '../customer-file';
import { workflowTranslations } from '../workflow';
import { zhHansLabelMessages } from './content-manager-labels';
import { strapiZhHans } from './strapi-zh-Hans';

export const adminTranslations = {
  en: { ...workflowTranslations.en, ...fileTranslations.en },
  'zh-Hans': { ...strapiZhHans, ...zhHansLabelMessages, ...workflowTranslations['zh-Hans'], ...fileTranslations['zh-Hans'] },
};
