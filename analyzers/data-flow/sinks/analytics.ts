import { calls, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { thirdParty, globalSnippet } from './rows.js';

// ---- Analytics and CDPs (egress, rule data-flow) ----

const SEGMENT_METHODS = ['identify', 'track', 'page', 'screen', 'group', 'alias'];
const MIXPANEL_METHODS = ['track', 'identify', 'register', 'register_once', 'alias', 'import', 'track_batch', 'set_group', 'people.set', 'people.set_once', 'people.union', 'people.append', 'people.increment', 'people.track_charge'];
const POSTHOG_METHODS = ['capture', 'identify', 'alias', 'group', 'groupIdentify', 'register', 'register_once', 'setPersonProperties', 'people.set'];
const AMPLITUDE_METHODS = ['track', 'identify', 'setUserId', 'logEvent', 'setUserProperties', 'setGroup', 'groupIdentify', 'revenue', 'getInstance().logEvent', 'getInstance().setUserId', 'getInstance().setUserProperties'];

export const ANALYTICS: readonly SinkSpec[] = [
  thirdParty('segment', 'Segment', 'analytics', ['@segment/analytics-node', 'analytics-node', '@segment/analytics-next', '@segment/analytics-react-native', '@segment/analytics.js-core'], calls(SEGMENT_METHODS)),
  globalSnippet('segment', 'Segment', 'analytics', 'analytics', SEGMENT_METHODS),
  thirdParty('rudderstack', 'RudderStack', 'analytics', ['@rudderstack/rudder-sdk-node', '@rudderstack/analytics-js', 'rudder-sdk-js', '@rudderstack/rudder-sdk-react-native'], calls(SEGMENT_METHODS)),
  globalSnippet('rudderstack', 'RudderStack', 'analytics', 'rudderanalytics', SEGMENT_METHODS),
  thirdParty('mixpanel', 'Mixpanel', 'analytics', ['mixpanel', 'mixpanel-browser', 'mixpanel-react-native'], calls(MIXPANEL_METHODS)),
  globalSnippet('mixpanel', 'Mixpanel', 'analytics', 'mixpanel', MIXPANEL_METHODS),
  thirdParty('amplitude', 'Amplitude', 'analytics', ['@amplitude/analytics-node', '@amplitude/analytics-browser', '@amplitude/analytics-react-native', '@amplitude/node', 'amplitude-js', '@amplitude/unified'], [
    ...calls(AMPLITUDE_METHODS),
    // init(apiKey, userId, options)
    { path: 'init', args: ['1..'] },
  ]),
  globalSnippet('amplitude', 'Amplitude', 'analytics', 'amplitude', AMPLITUDE_METHODS),
  thirdParty('posthog', 'PostHog', 'analytics', ['posthog-node', 'posthog-js', 'posthog-js/*', 'posthog-react-native'], calls(POSTHOG_METHODS)),
  // The browser SDK records page views and clicks (and sessions, when enabled) from init on.
  thirdParty('posthog', 'PostHog', 'analytics', ['posthog-js', 'posthog-react-native'], [{ path: 'init', args: [], storesLater: true, collects: 'user.behavior', description: 'posthog init (autocapture, session recording)' }]),
  globalSnippet('posthog', 'PostHog', 'analytics', 'posthog', POSTHOG_METHODS),
  globalSnippet('heap', 'Heap', 'analytics', 'heap', ['track', 'identify', 'addUserProperties', 'addEventProperties']),
  thirdParty('heap', 'Heap', 'analytics', ['@heap/react-native-heap', 'heap-api', '@heap/heap-api'], calls(['track', 'identify', 'addUserProperties', 'addEventProperties', 'userProperties'])),
  // FullStory v2: FullStory('setIdentity', {...}); v1: FullStory.identify(uid, vars)
  thirdParty('fullstory', 'FullStory', 'analytics', ['@fullstory/browser', '@fullstory/react-native', '@fullstory/snippet'], calls(['^FullStory', '^FullStoryAPI', 'identify', 'event', 'setUserVars', 'setVars'])),
  globalSnippet('fullstory', 'FullStory', 'analytics', 'FS', ['', 'identify', 'event', 'setUserVars', 'setVars']),
  globalSnippet('hotjar', 'Hotjar', 'analytics', 'hj', ['']),
  thirdParty('hotjar', 'Hotjar', 'analytics', ['@hotjar/browser', 'react-hotjar'], calls(['identify', 'event'])),
  globalSnippet('pendo', 'Pendo', 'analytics', 'pendo', ['initialize', 'identify', 'track', 'updateOptions']),
  globalSnippet('clarity', 'Microsoft Clarity', 'analytics', 'clarity', ['']),
  thirdParty('clarity', 'Microsoft Clarity', 'analytics', ['@microsoft/clarity'], calls(['identify', 'setTag', 'event'])),
  thirdParty('braze', 'Braze', 'marketing', ['@braze/web-sdk', '@braze/react-native-sdk', 'appboy-web-sdk', '@braze/web-sdk-core'], calls([
    'changeUser', 'logCustomEvent', 'logPurchase', 'setEmail', 'setFirstName', 'setLastName', 'setPhoneNumber', 'setCustomUserAttribute',
    'setDateOfBirth', 'setGender', 'setHomeCity', 'setCountry', 'setLanguage', 'addAlias',
  ])),
  globalSnippet('braze', 'Braze', 'marketing', 'braze', ['changeUser', 'logCustomEvent', 'logPurchase', 'getUser().setEmail', 'getUser().setCustomUserAttribute']),
  thirdParty('customerio', 'Customer.io', 'marketing', ['customerio-node', '@customerio/cdp-analytics-node', '@customerio/cdp-analytics-browser'], calls([
    'identify', 'track', 'trackAnonymous', 'trackPageView', 'sendEmail', 'sendPush', 'page', 'alias',
  ])),
  globalSnippet('customerio', 'Customer.io', 'marketing', '_cio', ['identify', 'track', 'page', 'push']),
  thirdParty('klaviyo', 'Klaviyo', 'marketing', ['klaviyo-api'], calls(['createProfile', 'createOrUpdateProfile', 'updateProfile', 'createEvent', 'subscribeProfiles', 'createClientEvent', 'createClientProfile', 'bulkSubscribeProfiles'])),
  thirdParty('klaviyo', 'Klaviyo', 'marketing', ['node-klaviyo', 'klaviyo-node', 'klaviyo-sdk'], calls(['identify', 'track', 'public.identify', 'public.track'])),
  globalSnippet('klaviyo', 'Klaviyo', 'marketing', '_learnq', ['push']),
  globalSnippet('klaviyo', 'Klaviyo', 'marketing', 'klaviyo', ['identify', 'track', 'push']),
  thirdParty('iterable', 'Iterable', 'marketing', ['@iterable/web-sdk', '@iterable/react-native-sdk'], calls(['track', 'trackPurchase', 'updateUser', 'updateUserEmail', 'setEmail', 'setUserID'])),
  // Intercom Messenger: Intercom({ app_id, email, user_id }), update({...}), trackEvent(name, meta)
  thirdParty('intercom', 'Intercom', 'support', ['@intercom/messenger-js-sdk'], calls(['^', '^boot', '^update', '^trackEvent', '^showNewMessage'])),
  thirdParty('intercom', 'Intercom', 'support', ['react-use-intercom'], calls(['boot', 'update', 'trackEvent'])),
  globalSnippet('intercom', 'Intercom', 'support', 'Intercom', ['']),
  globalSnippet('hubspot', 'HubSpot tracking', 'marketing', '_hsq', ['push']),
  globalSnippet('google-analytics', 'Google Analytics', 'analytics', 'gtag', ['']),
  globalSnippet('google-analytics', 'Google Analytics', 'analytics', 'ga', ['']),
  thirdParty('google-analytics', 'Google Analytics', 'analytics', ['react-ga', 'react-ga4', 'vue-gtag', 'ga-4-react'], calls(['event', 'set', 'pageview', 'send', 'gtag', 'modalview', 'exception', 'timing', 'ga'])),
  thirdParty('google-analytics', 'Google Analytics', 'analytics', ['react-ga', 'react-ga4'], [{ path: 'initialize', args: ['1..'] }]),
  thirdParty('google-tag-manager', 'Google Tag Manager', 'analytics', ['@next/third-parties/google'], calls(['^sendGTMEvent', '^sendGAEvent'])),
  thirdParty('google-tag-manager', 'Google Tag Manager', 'analytics', ['react-gtm-module'], calls(['dataLayer', 'initialize'])),
  globalSnippet('google-tag-manager', 'Google Tag Manager', 'analytics', 'dataLayer', ['push']),
  globalSnippet('facebook-pixel', 'Meta Pixel', 'advertising', 'fbq', ['']),
  thirdParty('facebook-pixel', 'Meta Pixel', 'advertising', ['react-facebook-pixel'], [...calls(['track', 'trackCustom', 'trackSingle', 'trackSingleCustom', 'fbq']), { path: 'init', args: ['1..'] }]),
  globalSnippet('tiktok-pixel', 'TikTok Pixel', 'advertising', 'ttq', ['track', 'identify', 'page', 'instance().track', 'instance().identify']),
  globalSnippet('linkedin-insight', 'LinkedIn Insight Tag', 'advertising', 'lintrk', ['']),
  globalSnippet('bing-uet', 'Microsoft UET', 'advertising', 'uetq', ['push']),
  globalSnippet('snap-pixel', 'Snap Pixel', 'advertising', 'snaptr', ['']),
  globalSnippet('pinterest-tag', 'Pinterest Tag', 'advertising', 'pintrk', ['']),
  globalSnippet('twitter-pixel', 'X Pixel', 'advertising', 'twq', ['']),
  globalSnippet('reddit-pixel', 'Reddit Pixel', 'advertising', 'rdt', ['']),
];
