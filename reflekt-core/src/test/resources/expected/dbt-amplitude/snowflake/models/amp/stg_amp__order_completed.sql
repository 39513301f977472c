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
        cast(e.uuid as varchar) as uuid,
        cast(e.event_time as timestamp_ntz) as event_time,
        cast(e.server_upload_time as timestamp_ntz) as server_upload_time,
        cast(e.client_event_time as timestamp_ntz) as client_event_time,
        cast(e.event_type as varchar) as event_type,
        cast(e.user_id as varchar) as user_id,
        cast(e.device_id as varchar) as device_id,
        cast(e.amplitude_id as number(38,0)) as amplitude_id,
        cast(e.session_id as number(38,0)) as session_id,
        cast(e.platform as varchar) as platform,
        cast(e.os_name as varchar) as os_name,
        cast(e.version_name as varchar) as version_name,
        cast(e.country as varchar) as country,
        cast(e.library as varchar) as library,
        cast(get(e.event_properties, 'orderId') as varchar) as order_id,
        cast(get(e.event_properties, 'total') as float) as total,
        cast(get(e.event_properties, 'itemCount') as number(38,0)) as item_count,
        cast(get(e.event_properties, 'gift') as boolean) as gift,
        cast(get(e.event_properties, 'placedAt') as timestamp_ntz) as placed_at,
        cast(get(get(e.event_properties, 'shipping'), 'city') as varchar) as shipping_city,
        cast(get(e.event_properties, 'skus') as variant) as skus,
        cast('amp' as varchar) as source_schema,
        cast('events_123456' as varchar) as source_table,
        cast('shop/Order_Completed/1-1.json' as varchar) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar) as schema_metadata
    from events as e
    where e.event_type = 'Order Completed'
)

select * from renamed
