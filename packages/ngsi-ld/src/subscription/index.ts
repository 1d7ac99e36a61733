export * from './subscription-types.js';
export {
  mqttTopic,
  parseSubscription,
  UNSUPPORTED_SUBSCRIPTION_MEMBERS,
} from './parse-subscription.js';
