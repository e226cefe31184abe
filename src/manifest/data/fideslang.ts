/**
 * fideslang data uses (why data is processed) and data subjects (whose data it is).
 *
 * Keys, hierarchy and names come from fideslang by Ethyca (https://github.com/ethyca/fideslang),
 * licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); copied from fideslang 2.x.
 */

export interface DataUseDef {
  key: string;
  name: string;
  parent?: string;
}

export const DATA_USES: readonly DataUseDef[] = [
  { key: 'analytics', name: 'Analytics' },
  { key: 'analytics.reporting', name: 'Analytics for Reporting', parent: 'analytics' },
  { key: 'analytics.reporting.ad_performance', name: 'Analytics for Advertising Performance', parent: 'analytics.reporting' },
  { key: 'analytics.reporting.content_performance', name: 'Analytics for Content Performance', parent: 'analytics.reporting' },
  { key: 'analytics.reporting.campaign_insights', name: 'Analytics for Insights', parent: 'analytics.reporting' },
  { key: 'analytics.reporting.system', name: 'Analytics for System Activity', parent: 'analytics.reporting' },
  { key: 'analytics.reporting.system.performance', name: 'Analytics for System Performance', parent: 'analytics.reporting.system' },
  { key: 'collect', name: 'Collect' },
  { key: 'employment', name: 'Employment' },
  { key: 'employment.recruitment', name: 'Employment Recruitment', parent: 'employment' },
  { key: 'essential', name: 'Essential' },
  { key: 'essential.fraud_detection', name: 'Essential Fraud Detection', parent: 'essential' },
  { key: 'essential.legal_obligation', name: 'Essential Legal Obligation', parent: 'essential' },
  { key: 'essential.service', name: 'Essential for Service', parent: 'essential' },
  { key: 'essential.service.authentication', name: 'Essential Service Authentication', parent: 'essential.service' },
  { key: 'essential.service.notifications', name: 'Essential Service Notifications', parent: 'essential.service' },
  {
    key: 'essential.service.notifications.email',
    name: 'Essential Email Service Notifications',
    parent: 'essential.service.notifications',
  },
  { key: 'essential.service.notifications.sms', name: 'Essential SMS Service Notifications', parent: 'essential.service.notifications' },
  { key: 'essential.service.operations', name: 'Essential for Operations', parent: 'essential.service' },
  { key: 'essential.service.operations.support', name: 'Essential for Operations Support', parent: 'essential.service.operations' },
  { key: 'essential.service.operations.improve', name: 'Essential for Support Improvement', parent: 'essential.service.operations' },
  { key: 'essential.service.payment_processing', name: 'Essential for Payment Processing', parent: 'essential.service' },
  { key: 'essential.service.security', name: 'Essential for Security', parent: 'essential.service' },
  { key: 'essential.service.upgrades', name: 'Essential for Service Upgrades', parent: 'essential.service' },
  { key: 'finance', name: 'Finance' },
  { key: 'functional', name: 'Functional' },
  { key: 'functional.storage', name: 'Local Data Storage', parent: 'functional' },
  { key: 'functional.storage.privacy_preferences', name: 'Local Data Storage for Privacy Preferences', parent: 'functional.storage' },
  { key: 'functional.service', name: 'Service', parent: 'functional' },
  { key: 'functional.service.improve', name: 'Improve Service', parent: 'functional.service' },
  { key: 'marketing', name: 'Marketing' },
  { key: 'marketing.advertising', name: 'Advertising, Marketing or Promotion', parent: 'marketing' },
  { key: 'marketing.advertising.first_party', name: 'First Party Advertising', parent: 'marketing.advertising' },
  {
    key: 'marketing.advertising.first_party.contextual',
    name: 'First Party Contextual Advertising',
    parent: 'marketing.advertising.first_party',
  },
  {
    key: 'marketing.advertising.first_party.targeted',
    name: 'First Party Personalized Advertising',
    parent: 'marketing.advertising.first_party',
  },
  { key: 'marketing.advertising.frequency_capping', name: 'Frequency Capping', parent: 'marketing.advertising' },
  { key: 'marketing.advertising.negative_targeting', name: 'Negative Targeting', parent: 'marketing.advertising' },
  { key: 'marketing.advertising.profiling', name: 'Profiling for Advertising', parent: 'marketing.advertising' },
  { key: 'marketing.advertising.serving', name: 'Essential for Serving Ads', parent: 'marketing.advertising' },
  { key: 'marketing.advertising.third_party', name: 'Third Party Advertising', parent: 'marketing.advertising' },
  {
    key: 'marketing.advertising.third_party.targeted',
    name: 'Third Party Targeted Advertising',
    parent: 'marketing.advertising.third_party',
  },
  { key: 'marketing.communications', name: 'Marketing Communications', parent: 'marketing' },
  { key: 'marketing.communications.email', name: 'Marketing Email Communications', parent: 'marketing.communications' },
  { key: 'marketing.communications.sms', name: 'Marketing SMS Communications', parent: 'marketing.communications' },
  { key: 'operations', name: 'Operations' },
  { key: 'personalize', name: 'Personalize' },
  { key: 'personalize.content', name: 'Content Personalization', parent: 'personalize' },
  { key: 'personalize.profiling', name: 'Personalized Profiling', parent: 'personalize' },
  { key: 'personalize.content.limited', name: 'Limited Content Personalization', parent: 'personalize.content' },
  { key: 'personalize.content.profiling', name: 'Profiling for Personalization', parent: 'personalize.content' },
  { key: 'personalize.content.profiled', name: 'Targeted Content Personalization', parent: 'personalize.content' },
  { key: 'personalize.system', name: 'System Personalization', parent: 'personalize' },
  { key: 'sales', name: 'Sales' },
  { key: 'third_party_sharing', name: 'Third Party Sharing' },
  { key: 'third_party_sharing.legal_obligation', name: 'Sharing for Legal Obligation', parent: 'third_party_sharing' },
  { key: 'train_ai_system', name: 'Train AI System' },
];

export const DATA_SUBJECTS: readonly { key: string; name: string }[] = [
  { key: 'anonymous_user', name: 'Anonymous User' },
  { key: 'citizen_voter', name: 'Citizen Voter' },
  { key: 'commuter', name: 'Commuter' },
  { key: 'consultant', name: 'Consultant' },
  { key: 'customer', name: 'Customer' },
  { key: 'employee', name: 'Employee' },
  { key: 'job_applicant', name: 'Job Applicant' },
  { key: 'next_of_kin', name: 'Next of Kin' },
  { key: 'passenger', name: 'Passenger' },
  { key: 'patient', name: 'Patient' },
  { key: 'prospect', name: 'Prospect' },
  { key: 'shareholder', name: 'Shareholder' },
  { key: 'supplier_vendor', name: 'Supplier/Vendor' },
  { key: 'trainee', name: 'Trainee' },
  { key: 'visitor', name: 'Visitor' },
];

/**
 * Data-use keys of older fideslang generations and the current key that replaces each, from the
 * upgrade maps in fides' database migrations 63b482f5b49b ("Upgrade to fideslang 1.4", 2023) and
 * 1ea164cee8bc ("fideslang 2 data migrations", 2023). Children of a renamed key are rewritten by
 * prefix (as those migrations did), e.g. `provide.service.operations.support`.
 */
export const DEPRECATED_DATA_USES: Readonly<Record<string, string>> = {
  provide: 'essential',
  'provide.service': 'essential.service',
  advertising: 'marketing.advertising',
  'advertising.first_party': 'marketing.advertising.first_party',
  'advertising.first_party.contextual': 'marketing.advertising.first_party.contextual',
  'advertising.first_party.personalized': 'marketing.advertising.first_party.targeted',
  'advertising.third_party': 'marketing.advertising.third_party.targeted',
  'advertising.third_party.personalized': 'marketing.advertising.third_party.targeted',
  'third_party_sharing.personalized_advertising': 'marketing.advertising.third_party.targeted',
  'third_party_sharing.payment_processing': 'essential.service.payment_processing',
  // 1.4 moved it to essential.service.fraud_detection; 2.0 has it one level up.
  'third_party_sharing.fraud_detection': 'essential.fraud_detection',
  'essential.service.operations.support.optimization': 'essential.service.operations.improve',
  'provide.service.operations.support.optimization': 'essential.service.operations.improve',
  improve: 'functional',
  'improve.system': 'functional.service.improve',
};
