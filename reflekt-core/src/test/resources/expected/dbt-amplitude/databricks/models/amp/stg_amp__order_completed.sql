{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('amp', 'events_123456') }}
    where server_upload_time < '2030-01-01'
),

renamed as (
    select
        cast(e.uuid as string) as uuid,
        cast(e.event_time as timestamp) as event_time,
        cast(e.server_upload_time as timestamp) as server_upload_time,
        cast(e.client_event_time as timestamp) as client_event_time,
        cast(e.event_type as string) as event_type,
        cast(e.user_id as string) as user_id,
        cast(e.device_id as string) as device_id,
        cast(e.amplitude_id as bigint) as amplitude_id,
        cast(e.session_id as bigint) as session_id,
        cast(e.platform as string) as platform,
        cast(e.os_name as string) as os_name,
        cast(e.version_name as string) as version_name,
        cast(e.country as string) as country,
        cast(e.library as string) as library,
        cast(from_json(e.event_properties, 'map<string,string>')['orderId'] as string) as order_id,
        cast(from_json(e.event_properties, 'map<string,string>')['total'] as double) as total,
        cast(from_json(e.event_properties, 'map<string,string>')['itemCount'] as bigint) as item_count,
        cast(from_json(e.event_properties, 'map<string,string>')['gift'] as boolean) as gift,
        cast(from_json(e.event_properties, 'map<string,string>')['placedAt'] as timestamp) as placed_at,
        cast(from_json(from_json(e.event_properties, 'map<string,string>')['shipping'], 'map<string,string>')['city'] as string) as shipping_city,
        parse_json(from_json(e.event_properties, 'map<string,string>')['skus']) as skus,
        cast('amp' as string) as source_schema,
        cast('events_123456' as string) as source_table,
        cast('shop/Order_Completed/1-1.json' as string) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as string) as schema_metadata
    from events as e
    where e.event_type = 'Order Completed'
)

select * from renamed
