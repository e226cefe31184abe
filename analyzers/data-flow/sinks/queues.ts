import { calls, type CallSpec, type SinkSpec } from '../../../src/sinks/catalog-types.js';
import { props, spec, aws } from './rows.js';

// ---- Queues and streams (egress, rule data-flow) ----

/** A queue / stream (kind `queue`). */
function queue(id: string, label: string, packages: readonly string[], callList: readonly CallSpec[]): SinkSpec {
  return spec(id, 'queue', label, undefined, packages, callList);
}

export const QUEUES: readonly SinkSpec[] = [
  queue(
    'kafka',
    'Kafka',
    ['kafkajs', '@confluentinc/kafka-javascript'],
    [
      { path: 'send', args: props(0, 'messages'), name: { index: 0, property: 'topic' } },
      { path: 'sendBatch', args: props(0, 'topicMessages') },
      { path: 'produce', args: [2, 3], name: { index: 0 } },
    ],
  ),
  queue('kafka', 'Kafka', ['node-rdkafka'], [{ path: 'produce', args: [2, 3], name: { index: 0 } }]),
  queue(
    'rabbitmq',
    'RabbitMQ',
    ['amqplib', 'amqplib/*', 'amqp-connection-manager', 'amqp-client', '@cloudamqp/amqp-client'],
    [
      // publish(exchange, routingKey, content): the exchange names it, or the routing key for the default exchange ''
      { path: 'publish', args: [2], name: [{ index: 0 }, { index: 1 }] },
      { path: 'sendToQueue', args: [1], name: { index: 0 } },
    ],
  ),
  queue(
    'rocketmq',
    'RocketMQ',
    ['rocketmq-client-nodejs', 'apache-rocketmq', '@apache/rocketmq-client'],
    [{ path: 'send', args: 'all', name: [{ index: 0, property: 'topic' }, { index: 0 }] }],
  ),
  queue(
    'rocketmq',
    'RocketMQ',
    ['@aliyunmq/mq-http-sdk'],
    [{ path: 'publishMessage', args: 'all', name: { site: 'getProducer', index: 1 } }],
  ),
  queue(
    'nats',
    'NATS',
    ['nats', '@nats-io/transport-node', '@nats-io/jetstream', '@nats-io/nats-core'],
    [{ path: ['publish', 'request'], args: [1], name: { index: 0 } }],
  ),
  queue('mqtt', 'MQTT', ['mqtt', 'async-mqtt'], [{ path: ['publish', 'publishAsync'], args: [1], name: { index: 0 } }]),
  ...aws(
    'sqs',
    'queue',
    'AWS SQS',
    undefined,
    'SQS',
    '@aws-sdk/client-sqs',
    {
      SendMessageCommand: props(0, 'MessageBody', 'MessageAttributes'),
      SendMessageBatchCommand: props(0, 'Entries'),
    },
    { sendMessage: props(0, 'MessageBody', 'MessageAttributes'), sendMessageBatch: props(0, 'Entries') },
  ),
  queue('sqs', 'AWS SQS', ['sqs-producer'], calls(['send'], [0])),
  // Publish also carries PhoneNumber (SMS) and attributes: the whole input is data
  ...aws(
    'sns',
    'queue',
    'AWS SNS',
    undefined,
    'SNS',
    '@aws-sdk/client-sns',
    { PublishCommand: [0], PublishBatchCommand: [0] },
    { publish: [0], publishBatch: [0] },
  ),
  ...aws(
    'kinesis',
    'queue',
    'AWS Kinesis',
    undefined,
    'Kinesis',
    '@aws-sdk/client-kinesis',
    {
      PutRecordCommand: props(0, 'Data', 'PartitionKey'),
      PutRecordsCommand: props(0, 'Records'),
    },
    { putRecord: props(0, 'Data', 'PartitionKey'), putRecords: props(0, 'Records') },
    { index: 0, property: 'StreamName' },
  ),
  ...aws(
    'firehose',
    'queue',
    'AWS Data Firehose',
    undefined,
    'Firehose',
    '@aws-sdk/client-firehose',
    {
      PutRecordCommand: props(0, 'Record'),
      PutRecordBatchCommand: props(0, 'Records'),
    },
    { putRecord: props(0, 'Record'), putRecordBatch: props(0, 'Records') },
    { index: 0, property: 'DeliveryStreamName' },
  ),
  ...aws(
    'eventbridge',
    'queue',
    'AWS EventBridge',
    undefined,
    'EventBridge',
    '@aws-sdk/client-eventbridge',
    { PutEventsCommand: props(0, 'Entries') },
    { putEvents: props(0, 'Entries') },
  ),
  queue(
    'pubsub',
    'Google Pub/Sub',
    ['@google-cloud/pubsub'],
    [{ path: ['publishMessage', 'publish', 'publishJSON'], args: 'all', name: { site: 'topic', index: 0 } }],
  ),
  queue(
    'servicebus',
    'Azure Service Bus',
    ['@azure/service-bus'],
    [{ path: ['sendMessages', 'scheduleMessages'], args: [0], name: { site: 'createSender', index: 0 } }],
  ),
  queue('eventhubs', 'Azure Event Hubs', ['@azure/event-hubs'], calls(['sendBatch', 'tryAdd', 'enqueueEvent', 'enqueueEvents'], [0])),
  queue(
    'bullmq',
    'BullMQ',
    ['bullmq'],
    [
      { path: 'add', args: ['1..'], name: { site: 'Queue', index: 0 } },
      { path: 'addBulk', args: [0], name: { site: 'Queue', index: 0 } },
      { path: ['FlowProducer.add', 'FlowProducer.addBulk'], args: [0] },
    ],
  ),
  queue('bull', 'Bull', ['bull'], [{ path: ['add', 'addBulk'], args: 'all', name: { site: ['default', 'Queue', ''], index: 0 } }]),
  queue('bee-queue', 'Bee-Queue', ['bee-queue'], [{ path: 'createJob', args: [0], name: { site: ['default', ''], index: 0 } }]),
  queue(
    'agenda',
    'Agenda',
    ['agenda', '@hokify/agenda'],
    [
      { path: ['now', 'create'], args: ['1..'] },
      { path: ['schedule', 'every'], args: ['2..'] },
    ],
  ),
  queue(
    'pg-boss',
    'pg-boss',
    ['pg-boss'],
    [{ path: ['send', 'sendAfter', 'sendDebounced', 'insert', 'publish'], args: ['1..'], name: { index: 0 } }],
  ),
];
