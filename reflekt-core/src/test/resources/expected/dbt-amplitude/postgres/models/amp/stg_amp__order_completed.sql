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
        cast(e.uuid as text) as uuid,
        cast(e.event_time as timestamptz) as event_time,
        cast(e.server_upload_time as timestamptz) as server_upload_time,
        cast(e.client_event_time as timestamptz) as client_event_time,
        cast(e.event_type as text) as event_type,
        cast(e.user_id as text) as user_id,
        cast(e.device_id as text) as device_id,
        cast(e.amplitude_id as bigint) as amplitude_id,
        cast(e.session_id as bigint) as session_id,
        cast(e.platform as text) as platform,
        cast(e.os_name as text) as os_name,
        cast(e.version_name as text) as version_name,
        cast(e.country as text) as country,
        cast(e.library as text) as library,
        cast(jsonb_extract_path_text(e.event_properties, 'orderId') as text) as order_id,
        cast(jsonb_extract_path_text(e.event_properties, 'total') as double precision) as total,
        cast(jsonb_extract_path_text(e.event_properties, 'itemCount') as bigint) as item_count,
        cast(jsonb_extract_path_text(e.event_properties, 'gift') as boolean) as gift,
        cast(jsonb_extract_path_text(e.event_properties, 'placedAt') as timestamptz) as placed_at,
        cast(jsonb_extract_path_text(e.event_properties, 'shipping', 'city') as text) as shipping_city,
        jsonb_extract_path(e.event_properties, 'skus') as skus,
        cast('amp' as text) as source_schema,
        cast('events_123456' as text) as source_table,
        cast('shop/Order_Completed/1-1.json' as text) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as text) as schema_metadata
    from events as e
    where e.event_type = 'Order Completed'
)

select * from renamed
