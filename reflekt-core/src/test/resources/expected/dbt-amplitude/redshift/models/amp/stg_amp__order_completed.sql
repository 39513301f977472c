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
        cast(e.uuid as varchar(65535)) as uuid,
        cast(e.event_time as timestamp) as event_time,
        cast(e.server_upload_time as timestamp) as server_upload_time,
        cast(e.client_event_time as timestamp) as client_event_time,
        cast(e.event_type as varchar(65535)) as event_type,
        cast(e.user_id as varchar(65535)) as user_id,
        cast(e.device_id as varchar(65535)) as device_id,
        cast(e.amplitude_id as bigint) as amplitude_id,
        cast(e.session_id as bigint) as session_id,
        cast(e.platform as varchar(65535)) as platform,
        cast(e.os_name as varchar(65535)) as os_name,
        cast(e.version_name as varchar(65535)) as version_name,
        cast(e.country as varchar(65535)) as country,
        cast(e.library as varchar(65535)) as library,
        cast(json_extract_path_text(e.event_properties, 'orderId') as varchar(65535)) as order_id,
        cast(json_extract_path_text(e.event_properties, 'total') as double precision) as total,
        cast(json_extract_path_text(e.event_properties, 'itemCount') as bigint) as item_count,
        cast(json_extract_path_text(e.event_properties, 'gift') as boolean) as gift,
        cast(json_extract_path_text(e.event_properties, 'placedAt') as timestamp) as placed_at,
        cast(json_extract_path_text(e.event_properties, 'shipping', 'city') as varchar(65535)) as shipping_city,
        json_parse(json_extract_path_text(e.event_properties, 'skus')) as skus,
        cast('amp' as varchar(65535)) as source_schema,
        cast('events_123456' as varchar(65535)) as source_table,
        cast('shop/Order_Completed/1-1.json' as varchar(65535)) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar(65535)) as schema_metadata
    from events as e
    where e.event_type = 'Order Completed'
)

select * from renamed
